package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.web.Endpoints;

/**
 * {@code serve --source data/vlm-survey.md --source prompting.md --source prompting-again.md}, over real HTTP: the
 * surveys page, the survey filter of the papers page and its exports, and a paper's listings in each survey.
 */
class SeveralSurveysServerTest {
    static final Path FIXTURES = Path.of("src/test/resources/surveys");
    static final String RES = "https://w3id.org/vlm-survey/resource/";
    static final String B = "survey/awesome-prompt-learning-test-fixture";
    static SurveyServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = SurveyServer.start(
                ServerOptions.builder(SurveyGraph.Source.resolve(null).withLinks(null))
                        .moreSources(List.of(
                                SurveyGraph.Source.file(FIXTURES.resolve("prompting.md")),
                                SurveyGraph.Source.file(FIXTURES.resolve("prompting-again.md"))))
                        .port(0)
                        .build());
        base = server.url();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(String path, String accept) {
        HttpResponse<String> r = Http.get(base + path, accept);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void theSurveysPageListsEverySurveyInItsFormats() {
        List<Map<String, String>> rows = PagesTest.records(body(Endpoints.SURVEYS + ".csv", null));
        assertEquals(List.of(RES + "survey", RES + B, RES + B + "-2"), PagesTest.column(rows, "survey"));
        assertEquals(List.of("41", "7", "3"), PagesTest.column(rows, "papers"));
        assertEquals(List.of("97", "7", "3"), PagesTest.column(rows, "entries"));
        assertEquals(
                List.of(
                        "data/vlm-survey.md",
                        FIXTURES.resolve("prompting.md").toString(),
                        FIXTURES.resolve("prompting-again.md").toString()),
                PagesTest.column(rows, "file"));
        assertEquals(body(Endpoints.SURVEYS + ".csv", null), body(Endpoints.SURVEYS, "text/csv"), "by Accept");
        assertTrue(body(Endpoints.SURVEYS + ".json", null).contains("\"Awesome Prompt Learning (test fixture)\""));
        String html = body(Endpoints.SURVEYS, "text/html");
        assertTrue(
                html.contains("<a href=\"/papers?survey=" + B.replace("/", "%2F") + "\">7</a>")
                        || html.contains("<a href=\"/papers?survey=" + B + "\">7</a>"),
                html);
        assertTrue(html.contains("Vision Language Models for Vision Tasks: A Survey"), html);
    }

    @Test
    void thePapersPageAndItsExportsFilterBySurvey() {
        List<Map<String, String>> rows = PagesTest.records(body("/papers.csv?survey=" + B + "-2", null));
        assertEquals(
                new TreeSet<>(List.of(
                        RES + "paper/arxiv-2210.03117",
                        RES + "paper/doi-10.1000%2Fxyz123",
                        RES + "paper/url-c792b5b7b75cf069")),
                new TreeSet<>(PagesTest.column(rows, "paper")));
        assertEquals(3, rows.size(), "one row each, under that survey's category: " + rows);
        for (Map<String, String> r : rows) assertEquals(RES + B + "-2/category/prompt-learning", r.get("category"));
        assertEquals(7, PagesTest.records(body("/papers.csv?survey=" + B, null)).size());
        String json = body("/papers.json?survey=" + Http.enc(RES + B + "-2"), null);
        assertEquals(3, json.split("\"paper\"").length - 1, json);
        String page = body("/papers?survey=" + B + "-2", "text/html");
        assertTrue(page.contains("Showing 3 of "), page);
        assertTrue(page.contains("<option value=\"" + B + "-2\" selected>"), page);
        assertEquals(404, Http.get(base + "/papers?survey=survey/none", null).statusCode());
        assertEquals(
                400,
                Http.get(base + "/papers.csv?survey=" + Http.enc("survey/x> } #"), null)
                        .statusCode());
    }

    @Test
    void aPaperPageShowsEverySurveyAndCategoryThatListsIt() {
        String page = body("/resource/paper/arxiv-2109.01134", "text/html");
        assertTrue(page.contains("<h2 id=\"surveys\">Listed by</h2>"), page);
        assertTrue(page.contains("Transfer with Text Prompt Tuning"), page);
        assertTrue(page.contains("href=\"/resource/" + B + "/category/prompt-learning\">Prompt Learning</a>"), page);
        assertTrue(page.contains(">Awesome Prompt Learning (test fixture)</a>"), page);
        String category = body("/resource/" + B + "/category/prompt-learning", "text/html");
        assertTrue(category.contains("MaPLe"), category);
    }
}
