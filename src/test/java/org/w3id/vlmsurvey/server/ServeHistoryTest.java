package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.GitSnapshots;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.TestHistory;

/**
 * The server with the test history ({@link TestHistory}) beside the bundled survey, over real HTTP: the survey stays
 * the default graph, the versions are named graphs, and the history competency questions answer as in-process.
 */
class ServeHistoryTest {
    @TempDir
    static Path tmp;

    static SurveyServer server;

    @BeforeAll
    static void start() throws IOException {
        TestHistory repo = TestHistory.create(tmp.resolve("survey"));
        History h;
        try (GitSnapshots git = GitSnapshots.open(repo.dir, "README.md")) {
            h = History.build(git.history(), 2);
        }
        server = SurveyServer.start(
                ServerOptions.defaults(SurveyGraph.Source.bundled()).withPort(0).withTimeout(Duration.ofSeconds(30)),
                h.dataset());
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
    void theSurveyIsTheDefaultGraphAndTheVersionsNamedGraphs() {
        assertEquals(
                "?papers\n41\n",
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
}
