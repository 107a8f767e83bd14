package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper for {@code *IT}: the shaded jar started as the README says ({@code java -jar target/vlm-survey-kg.jar
 * serve}, on port 0 unless the arguments say otherwise) as a separate process, its URL read from its start line.
 */
final class ServedJar implements AutoCloseable {
    static final Pattern URL = Pattern.compile(" at (http://[^ ]+) ");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final String url;

    private ServedJar(Process process) throws Exception {
        this.process = process;
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = URL.matcher(line);
                    if (m.find()) return m.group(1);
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String u = found.get(120, TimeUnit.SECONDS);
        if (u == null) {
            close();
            fail("no start line; output: " + output());
        }
        this.url = u;
    }

    /** Starts {@code java -jar target/vlm-survey-kg.jar serve --port 0 ARGS...} and waits for its start line. */
    static ServedJar serve(String... args) throws Exception {
        Path jar = Path.of("target/vlm-survey-kg.jar");
        assertTrue(Files.isRegularFile(jar), "run mvn package first: " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        return new ServedJar(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /**
     * Starts the launcher script {@code bin/vlm-survey-kg serve --port 0 ARGS...} with {@code env} added to the
     * environment, and waits for its start line.
     */
    static ServedJar launch(java.util.Map<String, String> env, String... args) throws Exception {
        Path jar = Path.of("target/vlm-survey-kg.jar");
        assertTrue(Files.isRegularFile(jar), "run mvn package first: " + jar);
        List<String> cmd = new ArrayList<>(List.of("bin/vlm-survey-kg", "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return new ServedJar(pb.start());
    }

    /** The process started (the launcher script's shell, or the JVM). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end after {@link #close()}. */
    void awaitExit() throws InterruptedException {
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String url() {
        return url;
    }

    /** Whether the server process still runs (a JVM that ran out of memory exits). */
    boolean alive() {
        return process.isAlive();
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
