package org.w3id.vlmsurvey.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built shaded jar (or any Java main) as a separate process, as a user would. */
public final class Jar {
    public record Run(int exit, String out, String err) {}

    public static Path jar() {
        Path p = Path.of(System.getProperty("vlm.jar", "target/vlm-survey-kg.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(p)) throw new IllegalStateException("build the jar first (mvn package): " + p);
        return p;
    }

    public static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return exec(workDir, cmd);
    }

    public static Run java(Path workDir, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return exec(workDir, cmd);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Run exec(Path workDir, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("run", ".out"), err = Files.createTempFile("run", ".err");
        Process p = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        Run r = new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private Jar() {}
}
