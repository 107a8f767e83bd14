package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.vlmsurvey.server.web.SearchServlet;

/**
 * {@code /search} over real HTTP on the bundled survey: the exact ranked rows for "prompt" as CSV, JSON, and the
 * HTML page with its marked snippets and its query link; empty, hostile and over-long text handled (never a 5xx).
 */
class SearchPageTest {
    static SurveyServer server;

    @BeforeAll
    static void start() {
        server = BundledServer.get();
    }

    static String get(String pathAndQuery, String accept, int status) {
        var r = Http.get(server.url() + pathAndQuery, accept);
        assertEquals(status, r.statusCode(), pathAndQuery + ": " + r.body());
        return r.body();
    }

    /** The kind and label of each row of a search as CSV (the score column checked apart), in rank order. */
    static List<String> kindsAndLabels(String csv) {
        List<String> rows = new ArrayList<>();
        BigDecimal last = null;
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",");
            assertTrue(f[0].startsWith("https://w3id.org/vlm-survey/resource/"), line);
            BigDecimal score = new BigDecimal(f[f.length - 1]);
            assertTrue(last == null || score.compareTo(last) <= 0, "ranked by score, best first: " + csv);
            last = score;
            rows.add(f[1] + " " + f[2]);
        }
        return rows;
    }

    @Test
    void promptAsCsvGivesTheRankedRows() {
        String csv = get("/search.csv?q=prompt", null, 200);
        assertEquals(
                "resource,kind,label,snippet,score", csv.lines().findFirst().orElseThrow());
        // Ranked by Lucene's BM25: more matches in fewer words first; equal scores by kind (papers first), then label.
        assertEquals(
                List.of(
                        "paper ProGrad: Prompt-aligned Gradient for Prompt Tuning",
                        "paper ProDA: Prompt Distribution Learning",
                        "category Transfer with Prompt Tuning",
                        "paper CoOp: Learning to Prompt for Vision-Language Models",
                        "paper Bayesian Prompt Learning for Image-Language Model Generalization",
                        "paper CPL: Counterfactual Prompt Learning for Vision and Language Models",
                        "paper CoCoOp: Conditional Prompt Learning for Vision-Language Models",
                        "category Transfer with Text Prompt Tuning",
                        "category Transfer with Visual Prompt Tuning",
                        "paper PLOT: Prompt Learning with Optimal Transport for Vision-Language Models",
                        "category Transfer with Text and Visual Prompt Tuning",
                        "paper SubPT: Understanding and Mitigating Overfitting in Prompt Tuning for Vision-Language Models",
                        "paper TaI-DPT: Texts as Images in Prompt Tuning for Multi-Label Image Recognition",
                        "paper LASP: Text-to-Text Optimization for Language-Aware Soft Prompting of Vision & Language Models"),
                kindsAndLabels(csv));
        assertEquals(csv, get("/search?q=prompt&format=csv", null, 200));
        assertEquals(csv, get("/search?q=prompt", "text/csv", 200));
    }

    @Test
    void eachKindIsFound() {
        assertEquals(
                List.of("venue IEEE/CVF Conference on Computer Vision and Pattern Recognition"),
                kindsAndLabels(get("/search.csv?q=CVPR", null, 200)));
        assertEquals(
                List.of("metric Mean Per Class"),
                kindsAndLabels(get("/search.csv?q=mean%20per%20class", null, 200))
                        .subList(0, 1));
        assertTrue(kindsAndLabels(get("/search.csv?q=segmentation", null, 200)).contains("task Semantic Segmentation"));
        List<String> captions = kindsAndLabels(get("/search.csv?q=captions", null, 200));
        for (String d : List.of("COCO Caption", "SBU Caption", "Conceptual Captions 3M", "Red Caps"))
            assertEquals(!d.equals("Red Caps"), captions.contains("dataset " + d), d + " in " + captions);
    }

    @Test
    void jsonHasTheSameHitsWithUnmarkedSnippets() {
        JsonArray hits = JSON.parseAny(get("/search.json?q=coop", null, 200)).getAsArray();
        assertEquals(1, hits.size(), hits.toString());
        var coop = hits.get(0).getAsObject();
        assertEquals("https://w3id.org/vlm-survey/resource/paper/arxiv-2109.01134", coop.getString("resource"));
        assertEquals("paper", coop.getString("kind"));
        assertEquals("CoOp: Learning to Prompt for Vision-Language Models · CoOp", coop.getString("snippet"));
        assertTrue(coop.get("score").isNumber());
    }

    @Test
    void theHtmlPageMarksTheMatchedWordsAndLinksItsQuery() {
        String html = get("/search?q=prompting", "text/html", 200);
        assertTrue(html.contains("14 results for <q>prompting</q>"), html);
        assertTrue(
                html.contains(
                        "<a href=\"/resource/paper/arxiv-2109.01134\">CoOp: Learning to Prompt for Vision-Language Models</a>"));
        assertTrue(html.contains("CoOp: Learning to <mark>Prompt</mark> for Vision-Language Models"), html);
        assertTrue(html.contains("Soft <mark>Prompting</mark> of Vision &amp; Language Models"), html);
        assertTrue(html.contains("value=\"prompting\""), "the words stay in the box");
        assertTrue(html.contains("(<code>queries/pages/search.rq</code>)"));
        assertTrue(html.contains("See the query"));
        assertTrue(html.contains("%22prompting%22"), "the query shown is the one run, with the words");
    }

    @Test
    void noWordsShowsTheFormAndNoResults() {
        String html = get("/search", "text/html", 200);
        assertTrue(html.contains("id=\"search-q\""));
        assertFalse(html.contains("search-hit"));
        assertEquals("resource,kind,label,snippet,score\r\n", get("/search.csv?q=%20%20", null, 200));
        assertEquals("[ ]", get("/search.json", null, 200).strip());
    }

    /** Text that is Lucene query syntax, SPARQL, HTML or an injection attempt is searched for as words. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "((prompt AND",
                "\"unbalanced",
                "prompt~~2^^",
                "*",
                "?",
                "title:prompt OR",
                "NOT",
                "a\\",
                "\" } ; DROP ALL ; #",
                "<script>alert(1)</script>",
                "ǅ 💥 \u0000",
                "[TO]",
                "{!",
                "&&||"
            })
    void hostileTextIsNeverAServerError(String text) {
        String q = Http.enc(text);
        String html = get("/search?q=" + q, "text/html", 200);
        assertFalse(html.contains("<script>alert(1)"), "escaped");
        get("/search.csv?q=" + q, null, 200);
    }

    @Test
    void hostileTextStillFindsItsWords() {
        assertEquals(
                kindsAndLabels(get("/search.csv?q=prompt", null, 200)),
                kindsAndLabels(get("/search.csv?q=" + Http.enc("((prompt AND"), null, 200)));
    }

    @Test
    void overlongTextIsABadRequestAndAnUnknownFormatNotAcceptable() {
        String body = get("/search?q=" + "a".repeat(SearchServlet.MAX_LENGTH + 1), null, 400);
        assertTrue(body.contains("at most " + SearchServlet.MAX_LENGTH), body);
        get("/search?q=" + "a".repeat(SearchServlet.MAX_LENGTH), null, 200);
        get("/search?q=prompt", "image/png", 406);
        get("/search?q=prompt&format=xml", null, 406);
    }
}
