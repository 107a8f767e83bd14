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

    /**
     * The kind and label of each row of a search as CSV (the score column checked apart), in rank order: exact
     * matches of the text first, then by score, best first.
     */
    static List<String> kindsAndLabels(String csv) {
        List<String> rows = new ArrayList<>();
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",");
            assertTrue(f[0].startsWith("https://w3id.org/vlm-survey/resource/"), line);
            assertTrue(new BigDecimal(f[f.length - 1]).signum() > 0, line);
            rows.add(f[1] + " " + f[2]);
        }
        return rows;
    }

    /** The resources of a search as CSV, in rank order. */
    static List<String> resources(String csv) {
        return csv.lines().skip(1).map(l -> l.split(",")[0]).toList();
    }

    static final String PAPER = "https://w3id.org/vlm-survey/resource/paper/arxiv-";

    @Test
    void promptAsCsvGivesTheRankedRows() {
        String csv = get("/search.csv?q=prompt", null, 200);
        assertEquals(
                "resource,kind,label,snippet,score", csv.lines().findFirst().orElseThrow());
        // Ranked by Lucene's BM25: more matches in fewer words first; equal scores by kind (papers first), then label.
        assertEquals(
                List.of(
                        "paper ProGrad: Prompt-aligned Gradient for Prompt Tuning",
                        "paper Bayesian Prompt Learning for Image-Language Model Generalization",
                        "paper CoOp: Learning to Prompt for Vision-Language Models",
                        "paper PLOT: Prompt Learning with Optimal Transport for Vision-Language Models",
                        "paper CPL: Counterfactual Prompt Learning for Vision and Language Models",
                        "paper ProDA: Prompt Distribution Learning",
                        "paper TaI-DPT: Texts as Images in Prompt Tuning for Multi-Label Image Recognition",
                        "paper SubPT: Understanding and Mitigating Overfitting in Prompt Tuning for Vision-Language Models",
                        "paper CoCoOp: Conditional Prompt Learning for Vision-Language Models",
                        "paper LASP: Text-to-Text Optimization for Language-Aware Soft Prompting of Vision & Language Models",
                        // in the category "Transfer with Text Prompt Tuning", without the word in its title
                        "paper DualCoOp: Fast Adaptation to Multi-Label Recognition with Limited Annotations",
                        "category Transfer with Prompt Tuning",
                        "category Transfer with Text Prompt Tuning",
                        "category Transfer with Visual Prompt Tuning",
                        "category Transfer with Text and Visual Prompt Tuning"),
                kindsAndLabels(csv));
        assertEquals(csv, get("/search?q=prompt&format=csv", null, 200));
        assertEquals(csv, get("/search?q=prompt", "text/csv", 200));
    }

    @Test
    void eachKindIsFound() {
        List<String> cvpr = kindsAndLabels(get("/search.csv?q=CVPR", null, 200));
        assertEquals("venue IEEE/CVF Conference on Computer Vision and Pattern Recognition", cvpr.get(0));
        // then the papers published at CVPR (their venue is in their context), and no other venue
        assertEquals(1, cvpr.stream().filter(r -> r.startsWith("venue ")).count(), cvpr.toString());
        assertTrue(cvpr.contains("paper CLIPPO: Image-and-Language Understanding from Pixels Only"), cvpr.toString());
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
        assertEquals("CoOp · CoOp: Learning to Prompt for Vision-Language Models", coop.getString("snippet"));
        assertTrue(coop.get("score").isNumber());
    }

    @Test
    void theHtmlPageMarksTheMatchedWordsAndLinksItsQuery() {
        String html = get("/search?q=prompting", "text/html", 200);
        assertTrue(html.contains("15 results for <q>prompting</q>"), html);
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

    /**
     * Text that is broken Lucene query syntax, SPARQL, HTML or an injection attempt is never a server error: a 200
     * (searched for as words) or a 400 that names the problem in Lucene's or the limits' words, as HTML and as CSV.
     */
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
                "&&||",
                "/.*/",
                "*:*",
                "a* b* c* d* e*",
                "title:clip",
                "prompt^99999999999999999999"
            })
    void hostileTextIsNeverAServerError(String text) {
        String q = Http.enc(text);
        for (String path : List.of("/search?q=", "/search.csv?q=", "/papers?q=", "/papers.bib?q=")) {
            var r = Http.get(server.url() + path + q, path.equals("/search?q=") ? "text/html" : null);
            assertTrue(
                    r.statusCode() == 200 || r.statusCode() == 400,
                    path + text + ": " + r.statusCode() + " " + r.body());
            if (r.statusCode() == 200 && path.equals("/search?q="))
                assertFalse(r.body().contains("<script>alert(1)"), "escaped");
            if (r.statusCode() == 400) {
                assertTrue(Http.contentType(r).startsWith("text/plain"), "a message, never a page: " + r.body());
                assertTrue(r.body().startsWith("Bad request: "), r.body());
                assertFalse(r.body().contains("Exception"), "no stack trace: " + r.body());
            }
        }
    }

    /** A Lucene syntax error is a 400 with the parser's message; the limits name theirs. */
    @Test
    void syntaxErrorsAndLimitsAreBadRequestsWithTheirMessage() {
        assertTrue(get("/search?q=" + Http.enc("((prompt AND"), null, 400).contains("Cannot parse"));
        assertTrue(
                get("/search.csv?q=" + Http.enc("title:prompt OR"), null, 400).contains("Cannot parse"));
        assertTrue(get("/search?q=" + Http.enc("*ing"), null, 400).contains("not allowed as first character"));
        assertTrue(get("/search?q=" + Http.enc("/pro.*/"), null, 400).contains("regular expressions"));
        assertTrue(get("/search?q=" + Http.enc("title:clip"), null, 400).contains("fields are not searched by name"));
        assertTrue(get("/search?q=" + Http.enc("a* b* c* d* e*"), null, 400).contains("at most 4"));
        assertTrue(get("/papers.csv?q=" + Http.enc("((prompt AND"), null, 400).contains("Cannot parse"));
    }

    /** The issue's searches: a short-name family, a typo, the words of a category. */
    @Test
    void shortNameFamiliesTyposAndCategoryWords() {
        // "CLIP": the 13 papers whose title holds CLIP (and the CLIP pre-training dataset), CLIP itself first
        List<String> clip = resources(get("/search.csv?q=CLIP", null, 200));
        assertEquals(PAPER + "2103.00020", clip.get(0), "the exact short name first");
        List<String> clipPapers = List.of(
                "2103.00020",
                "2112.09106",
                "2110.05208",
                "2204.14095",
                "2209.13430",
                "2211.01335",
                "2211.06679",
                "2211.14813",
                "2210.09996",
                "2303.02995",
                "2212.08045",
                "2209.09407",
                "2210.09304");
        assertEquals(
                new java.util.TreeSet<>(
                        clipPapers.stream().map(id -> PAPER + id).toList()),
                new java.util.TreeSet<>(
                        clip.stream().filter(r -> r.contains("/paper/")).toList()));
        assertEquals(14, clip.size(), "and the dataset CLIP: " + clip);
        // a family member by its own name comes first
        assertEquals(
                PAPER + "2212.08045",
                resources(get("/search.csv?q=CLIPPO", null, 200)).get(0));
        // a typo of 5 letters or more
        List<String> promt = resources(get("/search.csv?q=promt", null, 200));
        assertTrue(promt.subList(0, 10).contains(PAPER + "2109.01134"), "CoOp for promt: " + promt);
        List<String> contrastiv = resources(get("/search.csv?q=contrastiv", null, 200));
        assertEquals(
                "https://w3id.org/vlm-survey/resource/category/pre-training-with-contrastive-objective",
                contrastiv.get(0));
        // the words of a paper's category: CLIP and ALIGN are contrastive
        List<String> contrastive = resources(get("/search.csv?q=contrastive", null, 200));
        assertTrue(contrastive.contains(PAPER + "2103.00020"), "CLIP: " + contrastive);
        assertTrue(contrastive.contains(PAPER + "2102.05918"), "ALIGN: " + contrastive);
        assertTrue(contrastiv.containsAll(List.of(PAPER + "2103.00020", PAPER + "2102.05918")), "typo too");
        // a dataset by its task, metric or language
        assertTrue(resources(get("/search.csv?q=mIoU", null, 200))
                .contains("https://w3id.org/vlm-survey/resource/dataset/ade20k"));
        assertTrue(resources(get("/search.csv?q=Chinese", null, 200))
                .contains("https://w3id.org/vlm-survey/resource/dataset/wukong"));
    }

    /** Facets (kind, category, year) with counts and links, and the filters of /papers on the results. */
    @Test
    void facetsAndPaperFilters() {
        String html = get("/search?q=contrastive", "text/html", 200);
        assertTrue(html.contains("aria-label=\"Narrow the results\""), html);
        assertTrue(
                html.contains(
                        "<a href=\"/search?q=contrastive&amp;kind=paper\">paper</a> <span class=\"count\">(27)</span>"),
                html);
        assertTrue(
                html.contains(
                        "<a href=\"/search?q=contrastive&amp;kind=category\">category</a> <span class=\"count\">(1)</span>"),
                html);
        assertTrue(html.contains("<a href=\"/search?q=contrastive&amp;year=2022\">2022</a>"), html);
        assertTrue(
                html.contains(
                        "<a href=\"/search?category=pre-training-with-contrastive-objective&amp;q=contrastive\">"),
                html);
        // kind=paper keeps the papers
        List<String> kinds = kindsAndLabels(get("/search.csv?q=contrastive&kind=paper", null, 200));
        assertEquals(27, kinds.size());
        assertTrue(kinds.stream().allMatch(k -> k.startsWith("paper ")), kinds.toString());
        // the filters of /papers: the mission's 12 papers that say "contrastive" somewhere
        List<String> mission = resources(get(
                "/search.csv?q=contrastive&category=pre-training-with-contrastive-objective&year=2022&code=yes",
                null,
                200));
        assertEquals(12, mission.size(), mission.toString());
        get("/search?q=clip&kind=nothing", null, 400);
        get("/search?q=clip&year=1999", null, 404);
        get("/search?q=clip&category=no-such", null, 404);
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
