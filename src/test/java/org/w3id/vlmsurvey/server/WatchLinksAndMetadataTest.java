package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.Eventually;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * {@code serve --watch} watches the {@code metadata.ttl} and {@code links.ttl} beside the survey as it watches the
 * survey: one created, changed or deleted while the server runs is loaded (or dropped) with the survey, over real
 * HTTP, and the text index with it (the author's name finds the paper); one that is not valid Turtle keeps the last good graph and logs one warning naming its file, line and cause.
 */
class WatchLinksAndMetadataTest {
    static final String CLIP = "https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020";
    static final String CLIP_PAGE = "/resource/paper/arxiv-2103.00020";
    static final Pattern AUTHORS = Pattern.compile("<p class=\"authors\" id=\"authors\">(.*?)</p>", Pattern.DOTALL);

    static final String METADATA =
            """
            PREFIX schema: <https://schema.org/>
            <%1$s> schema:author <%1$s-author-1> .
            <%1$s-author-1> a schema:Person ; schema:name "Alec Radford" ; schema:position 1 .
            """
                    .formatted(CLIP);
    static final String WIKIDATA = "http://www.wikidata.org/entity/Q900001";
    static final String LINKS =
            """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            <%s> owl:sameAs <%s> .
            """
                    .formatted(CLIP, WIKIDATA);
    /** Valid Turtle on lines 1 and 2, then a triple without its object on line 3. */
    static final String BROKEN =
            """
            PREFIX schema: <https://schema.org/>
            <%1$s> schema:author <%1$s-author-1> .
            <%1$s-author-1> schema:name .
            """
                    .formatted(CLIP);

    static String clipPage(SurveyServer server) {
        var r = Http.get(server.url() + CLIP_PAGE, "text/html");
        assertEquals(200, r.statusCode());
        return r.body();
    }

    /** The authors line of the CLIP page (its text), or null when the page shows none. */
    static String authors(SurveyServer server) {
        Matcher m = AUTHORS.matcher(clipPage(server));
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "") : null;
    }

    /** The resources {@code /search} finds for "radford" (the author's surname in {@link #METADATA}), in rank order. */
    static List<String> foundByAuthor(SurveyServer server) {
        var r = Http.get(server.url() + "/search.csv?q=radford", null);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).map(l -> l.split(",")[0]).toList();
    }

    static boolean linked(SurveyServer server) {
        return clipPage(server).contains(WIKIDATA);
    }

    static SurveyServer watching(Path dir) throws Exception {
        Path md = Files.copy(Path.of("data/vlm-survey.md"), dir.resolve("vlm-survey.md"));
        return SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.file(md))
                .port(0)
                .watch(Duration.ofMillis(100))
                .build());
    }

    /**
     * Writes a file that is not valid Turtle, waits for the reload it causes, and checks that exactly one warning was
     * logged for it, naming the file, the line (3) and the parser's cause.
     */
    static void breakAndExpectOneWarning(SurveyServer server, Path file) throws Exception {
        try (Logged log = new Logged("org.w3id.vlmsurvey")) {
            long before = server.reloadAttempts();
            Files.writeString(file, BROKEN);
            Eventually.until("a reload attempt", () -> server.reloadAttempts() > before);
            assertFalse(server.watcher().lastOutcome().loaded());
            List<String> warnings = log.at(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            String w = warnings.get(0);
            assertTrue(w.contains("still serving the previous graph: " + file + ":3: error: "), w);
            assertTrue(w.contains("expected an RDF Term"), w);
        }
    }

    @Test
    void metadataCreatedBrokenAndDeletedWhileServing(@TempDir Path dir) throws Exception {
        try (SurveyServer server = watching(dir)) {
            Path metadata = dir.resolve(SurveyGraph.Source.METADATA);
            assertNull(authors(server), "no metadata yet");
            assertEquals(List.of(), foundByAuthor(server), "no metadata, no author to search");

            Files.writeString(metadata, METADATA);
            Eventually.until("the author shown", () -> "Alec Radford".equals(authors(server)));
            assertEquals(List.of(CLIP), foundByAuthor(server), "the reload re-indexed: the author finds the paper");

            breakAndExpectOneWarning(server, metadata);
            assertEquals("Alec Radford", authors(server), "the last good metadata stays served");
            assertEquals(List.of(CLIP), foundByAuthor(server), "and stays searched");

            Files.delete(metadata);
            Eventually.until("the author gone", () -> authors(server) == null);
            assertEquals(List.of(), foundByAuthor(server), "the author gone from the index too");
            assertTrue(server.watcher().lastOutcome().loaded());
        }
    }

    @Test
    void linksCreatedBrokenAndDeletedWhileServing(@TempDir Path dir) throws Exception {
        try (SurveyServer server = watching(dir)) {
            Path links = dir.resolve(SurveyGraph.Source.LINKS);
            assertFalse(linked(server), "no links yet");

            Files.writeString(links, LINKS);
            Eventually.until("the Wikidata link shown", () -> linked(server));
            var ttl = Http.get(server.url() + CLIP_PAGE, "text/turtle");
            assertTrue(ttl.body().contains("Q900001"), ttl.body());

            breakAndExpectOneWarning(server, links);
            assertTrue(linked(server), "the last good links stay served");

            Files.delete(links);
            Eventually.until("the Wikidata link gone", () -> !linked(server));
            assertTrue(server.watcher().lastOutcome().loaded());
        }
    }
}
