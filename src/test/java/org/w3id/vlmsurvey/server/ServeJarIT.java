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

import org.junit.jupiter.api.Test;

/**
 * The shaded jar, started as the README says ({@code java -jar target/vlm-survey-kg.jar serve}, here on port 0),
 * answers the question "contrastive methods with code released in 2022" with the 12 papers of the survey.
 */
class ServeJarIT {
    static final Pattern URL = Pattern.compile(" at (http://[^ ]+) ");

    @Test
    void shadedJarServesTheSurvey() throws Exception {
        Path jar = Path.of("target/vlm-survey-kg.jar");
        assertTrue(Files.isRegularFile(jar), "run mvn package first: " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve", "--port", "0")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (output) { output.add(line); }
                        Matcher m = URL.matcher(line);
                        if (m.find()) return m.group(1);
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            String base = url.get(120, TimeUnit.SECONDS);
            assertNotNull(base, "no start line; output: " + output);
            assertTrue(base.startsWith("http://127.0.0.1:"), base);
            var r = Http.query(base, ServerTest.CONTRASTIVE_2022, "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            List<String> names = r.body().lines().skip(1).map(String::strip).toList();
            assertEquals(ServerTest.CONTRASTIVE_2022_PAPERS, names);
            assertEquals(200, Http.get(base + "/", "text/html").statusCode());
            assertEquals(200, Http.get(base + "/resource/paper/arxiv-2103.00020", "text/turtle").statusCode());
            // The pages' templates and queries are read from the jar.
            assertEquals(41, PagesTest.records(Http.get(base + "/papers.csv", null).body()).size());
            var paper = Http.get(base + "/resource/paper/arxiv-2103.00020", "text/html");
            assertEquals(200, paper.statusCode());
            assertTrue(paper.body().contains("<meta name=\"citation_arxiv_id\" content=\"2103.00020\">"), paper.body());
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
