package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.history.TestHistory;

/**
 * The server with the test history ({@link TestHistory}), over real HTTP: its newest version is the default graph
 * (not the bundled survey), the versions are named graphs, and the history competency questions answer as in-process.
 */
class ServeHistoryTest {
    @TempDir
    static Path tmp;

    static SurveyServer server;

    @BeforeAll
    static void start() throws IOException {
        TestHistory repo = TestHistory.create(tmp.resolve("survey"));
        server = HistoryServers.start(repo);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String tsv(String query) {
        HttpResponse<String> r = Http.query(server.url(), query, "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void theNewestVersionIsTheDefaultGraphAndTheVersionsNamedGraphs() {
        // the newest version (v8: 6 papers), not the bundled survey (41)
        assertEquals(
                "?papers\n6\n",
                tsv("SELECT (COUNT(*) AS ?papers) { ?p a <https://w3id.org/vlm-survey/ontology#Paper> }"));
        assertEquals("?graphs\n7\n", tsv("SELECT (COUNT(DISTINCT ?g) AS ?graphs) { GRAPH ?g { ?s ?p ?o } }"));
        assertEquals(
                "?versions\n7\n",
                tsv("SELECT (COUNT(*) AS ?versions) { ?v a <https://w3id.org/vlm-survey/ontology#SurveyVersion> }"));
    }

    @Test
    void historyQuestionsAnswerAsInProcess() throws IOException {
        for (String q : new String[] {"removed-papers", "arxiv-to-venue", "papers-added-per-month"})
            assertEquals(
                    Files.readString(Path.of("src/test/resources/history/queries/" + q + ".tsv")),
                    tsv(Files.readString(Path.of("queries/history/" + q + ".rq"))),
                    q);
    }

    /** The rows of a paper page's history table, each as its cells' text joined by " | ". */
    static java.util.List<String> historyRows(String paper) {
        HttpResponse<String> r = Http.get(server.url() + "/resource/paper/" + paper, "text/html");
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        int start = html.indexOf("<table class=\"history\">");
        if (start < 0) return java.util.List.of();
        String table = html.substring(start, html.indexOf("</table>", start));
        java.util.List<String> rows = new java.util.ArrayList<>();
        java.util.regex.Matcher tr =
                java.util.regex.Pattern.compile("(?s)<tr><td>(.*?)</td></tr>").matcher(table);
        while (tr.find())
            rows.add(tr.group(1)
                    .replace("</td><td>", " | ")
                    .replaceAll("<[^>]+>", "")
                    .replaceAll("\\s+", " ")
                    .trim());
        return rows;
    }

    @Test
    void aPaperPageShowsWhenItWasFirstListedAndWhatChangedSince() {
        // FILIP: a numbered-list entry (v2), an arXiv 2021 row (v3), ICLR 2022 from v5 on; v4, v7 and v8 change nothing
        assertEquals(
                java.util.List.of(
                        "2023-04-18 b1df55a | FILIP: Fine-grained Interactive Language-Image Pre-Training | |",
                        "2023-06-05 " + commit("2023-06-05")
                                + " | FILIP: Fine-grained Interactive Language-Image Pre-Training | arXiv | 2021",
                        "2023-08-01 a9a352d | FILIP: Fine-grained Interactive Language-Image Pre-Training | ICLR | 2022"),
                historyRows("arxiv-2111.07783"));
        String filip = Http.get(server.url() + "/resource/paper/arxiv-2111.07783", "text/html")
                .body();
        assertTrue(filip.contains("First listed on <time datetime=\"2023-04-18"), filip);
        assertFalse(filip.contains("No longer listed"), "FILIP is in the newest version");
        // ALIGN: listed from v1, removed in v8
        String align = Http.get(server.url() + "/resource/paper/arxiv-2102.05918", "text/html")
                .body();
        assertTrue(align.contains("No longer listed after the version of"), align);
        // CoOp is in the bundled survey but in no version of the test history: the survey served has no such paper
        assertEquals(
                404,
                Http.get(server.url() + "/resource/paper/arxiv-2109.01134", "text/html")
                        .statusCode());
    }

    /** The short commit of the version of that day, read from the served history. */
    static String commit(String day) {
        String tsv =
                tsv("PREFIX vlm: <https://w3id.org/vlm-survey/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                        + "SELECT (SUBSTR(?c, 1, 7) AS ?s) { ?v vlm:commit ?c ; dcterms:date ?d FILTER (STRSTARTS(STR(?d), \""
                        + day + "\")) }");
        return tsv.split("\n")[1].replace("\"", "");
    }
}
