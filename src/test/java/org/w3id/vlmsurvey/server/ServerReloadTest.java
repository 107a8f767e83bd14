package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.store.Fingerprint;
import org.w3id.vlmsurvey.server.store.SurveyLoader;

/** {@code --tdb2}: reuse across restarts and rebuild after an edit; {@code --watch}: good and broken edits. */
class ServerReloadTest {
    static final String TITLE = "CLIP: Learning Transferable Visual Models From Natural Language Supervision";
    static final String CLIP_TITLE =
            "SELECT ?t { <https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020> <http://purl.org/dc/terms/title> ?t }";

    static Path copyOfSurvey(Path dir) throws Exception {
        Path md = dir.resolve("survey.md");
        Files.copy(Path.of("data/vlm-survey.md"), md);
        return md;
    }

    static String clipTitle(SurveyServer server) {
        var r = Http.query(server.url(), CLIP_TITLE, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).findFirst().orElse(null);
    }

    static void edit(Path md, String from, String to) throws Exception {
        String text = Files.readString(md);
        assertTrue(text.contains(from), from);
        Files.writeString(md, text.replace(from, to));
    }

    @Test
    void tdb2IsReusedWhenTheSourceIsUnchangedAndRebuiltAfterAnEdit(@TempDir Path dir) throws Exception {
        Path md = copyOfSurvey(dir);
        Path db = dir.resolve("db");
        ServerOptions options = ServerOptions.builder(SurveyGraph.Source.file(md))
                .port(0)
                .tdb2(db)
                .build();
        long triples;
        try (SurveyServer first = SurveyServer.start(options)) {
            assertTrue(first.rebuilt(), "a new database is built");
            triples = first.store().counts().triples();
            assertEquals(TITLE, clipTitle(first));
        }
        try (SurveyServer second = SurveyServer.start(options)) {
            assertFalse(second.rebuilt(), "same source, same program: the database is reused");
            assertEquals(triples, second.store().counts().triples());
            assertEquals(TITLE, clipTitle(second));
        }
        edit(md, "[" + TITLE + "]", "[" + TITLE + " - edited]");
        try (SurveyServer third = SurveyServer.start(options)) {
            assertTrue(third.rebuilt(), "the source changed: rebuilt");
            assertEquals(TITLE + " - edited", clipTitle(third));
            assertEquals(triples, third.store().counts().triples());
            assertEquals(
                    Fingerprint.of(SurveyGraph.Source.file(md).read()),
                    third.store().fingerprint());
        }
    }

    @Test
    void watchSwapsInAGoodEditAndKeepsTheLastGoodGraphOnABrokenOne(@TempDir Path dir) throws Exception {
        Path md = copyOfSurvey(dir);
        ServerOptions options = ServerOptions.builder(SurveyGraph.Source.file(md))
                .port(0)
                .watch(Duration.ofMillis(200))
                .build();
        try (SurveyServer server = SurveyServer.start(options)) {
            long triples = server.store().counts().triples();
            assertEquals(TITLE, clipTitle(server));

            // Queries sent while the edit is loaded see the whole old graph or the whole new one.
            java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!stop.get())
                    seen.add(Http.query(server.url(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv")
                            .body()
                            .lines()
                            .skip(1)
                            .findFirst()
                            .orElse("?"));
            });
            reader.start();
            edit(md, "[" + TITLE + "]", "[" + TITLE + " - edited]");
            awaitAttempts(server, 1);
            stop.set(true);
            reader.join();
            assertEquals(java.util.Set.of(Long.toString(triples)), seen, "a query saw a partly loaded graph");
            assertTrue(server.watcher().lastOutcome().loaded());
            assertEquals(TITLE + " - edited", clipTitle(server));
            assertEquals(triples, server.store().counts().triples());

            // A row with one cell too many is an error (reported with its line): the edited graph stays served.
            int line = lineOf(md, "- edited]");
            String text = Files.readString(md);
            String row = text.lines()
                    .filter(l -> l.contains("- edited]"))
                    .findFirst()
                    .orElseThrow();
            Files.writeString(md, text.replace(row, row + "extra|"));
            awaitAttempts(server, 2);
            SurveyLoader.Outcome broken = server.watcher().lastOutcome();
            assertFalse(broken.loaded());
            assertTrue(
                    broken.problems().stream()
                            .anyMatch(p -> p.isError()
                                    && p.line() == line
                                    && p.file().equals(md.toString())
                                    && p.message().contains("cells")),
                    broken.problems().toString());
            assertEquals(TITLE + " - edited", clipTitle(server));
            assertEquals(triples, server.store().counts().triples());

            // A file that is no survey at all: refused too.
            Files.writeString(md, "# nothing here\n");
            awaitAttempts(server, 3);
            assertFalse(server.watcher().lastOutcome().loaded());
            Problem p = server.watcher().lastOutcome().problems().get(0);
            assertTrue(p.message().contains("no survey tables"), p.toString());
            assertEquals(TITLE + " - edited", clipTitle(server));
        }
    }

    static int lineOf(Path md, String text) throws Exception {
        var lines = Files.readAllLines(md);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    static void awaitAttempts(SurveyServer server, long n) {
        org.w3id.vlmsurvey.Eventually.until(n + " reload attempts", () -> server.reloadAttempts() >= n);
    }
}
