package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production launcher {@code bin/vlm-survey-kg} against the built jar: one JVM (the heap bounded by the
 * launcher's options, no relaunch), a class-data-sharing archive written into the cache on the first run and mapped
 * on the next, the prebuilt graph of the bundled survey, and two servers starting at once on one graph cache.
 */
class LauncherIT {
    static final String PREFIXES = "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\n";

    /** The java processes under the launcher's process (itself included). */
    static List<ProcessHandle> javas(ServedJar s) {
        return Stream.concat(Stream.of(s.handle()), s.handle().descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .toList();
    }

    static void answersTheMissionQuery(ServedJar s) {
        var r = Http.query(s.url(), ServerTest.CONTRASTIVE_2022, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                ServerTest.CONTRASTIVE_2022_PAPERS,
                r.body().lines().skip(1).map(String::strip).toList());
    }

    @Test
    void oneJvmAnArchiveOnTheFirstRunMappedOnTheNext(@TempDir Path dir) throws Exception {
        Map<String, String> env =
                Map.of("VLM_SURVEY_CACHE", dir.resolve("cache").toString());
        ServedJar first = ServedJar.launch(env);
        try {
            answersTheMissionQuery(first);
            assertEquals(1, javas(first).size(), "one JVM, no bounded-heap relaunch: " + javas(first));
            assertTrue(
                    first.output().stream().anyMatch(l -> l.contains("the graph prebuilt with this jar")),
                    "the bundled survey's prebuilt graph is loaded: " + first.output());
        } finally {
            first.close(); // the archive is written as the JVM exits: wait for the launcher to move it into place
            first.awaitExit();
        }
        Path cds = dir.resolve("cache/cds");
        List<Path> archives;
        try (Stream<Path> files = Files.list(cds)) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).toString().endsWith(".jsa") && Files.size(archives.get(0)) > 0);

        Path classLog = dir.resolve("classes.log");
        Map<String, String> logged = Map.of(
                "VLM_SURVEY_CACHE",
                dir.resolve("cache").toString(),
                "JAVA_OPTS",
                "-Xlog:class+load=info:file=" + classLog);
        try (ServedJar second = ServedJar.launch(logged)) {
            answersTheMissionQuery(second);
            assertEquals(1, javas(second).size());
        }
        String loaded = Files.readString(classLog, StandardCharsets.UTF_8);
        assertTrue(
                loaded.contains("source: shared objects file (top)"),
                "the second run maps the classes of the archive the first one wrote");

        // VLM_SURVEY_CDS=0: no archive, still one JVM that serves
        try (ServedJar plain =
                ServedJar.launch(Map.of("VLM_SURVEY_CACHE", dir.resolve("other").toString(), "VLM_SURVEY_CDS", "0"))) {
            answersTheMissionQuery(plain);
        }
        assertTrue(!Files.exists(dir.resolve("other/cds"))
                || Files.list(dir.resolve("other/cds")).findAny().isEmpty());
    }

    /** Two servers (real processes) started at once on one graph cache, on a user's README: both serve its graph. */
    @Test
    void twoServersStartingAtOnceOnOneCacheBothServeTheRightGraph(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("data/vlm-survey.md"), StandardCharsets.UTF_8);
        assertTrue(text.contains("GroupViT"));
        Path md = Files.writeString(dir.resolve("README.md"), text.replace("GroupViT", "GroupVeeT"));
        Map<String, String> env = Map.of("VLM_SURVEY_CDS", "0");
        String cache = dir.resolve("graphs").toString();
        String ask =
                PREFIXES + "ASK { ?p vlm:shortName \"GroupVeeT\" FILTER NOT EXISTS { ?q vlm:shortName \"GroupViT\" } }";
        for (int round = 0; round < 2; round++) {
            // round 0: both map (or one reads what the other wrote); round 1: both read the cache
            try (ServedJar a = ServedJar.launch(env, "--source", md.toString(), "--cache", cache);
                    ServedJar b = ServedJar.launch(env, "--source", md.toString(), "--cache", cache)) {
                for (ServedJar s : List.of(a, b)) {
                    var r = Http.query(s.url(), ask, "text/csv");
                    assertEquals(200, r.statusCode(), r.body());
                    assertTrue(r.body().contains("true"), r.body());
                }
                if (round == 1)
                    for (ServedJar s : List.of(a, b))
                        assertTrue(
                                s.output().stream().anyMatch(l -> l.contains("from the cache")),
                                s.output().toString());
            }
        }
        try (Stream<Path> files = Files.list(Path.of(cache))) {
            List<Path> left = files.toList();
            assertEquals(1, left.size(), "one whole cache file, no temporary one: " + left);
        }
    }
}
