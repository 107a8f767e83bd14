package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.server.web.ResourcePages;

/**
 * The browse pages and the researcher pages over real HTTP on the bundled survey: exact answers of each page's
 * CSV, JSON and content negotiation, server-side filtering, citation meta tags and JSON-LD, and that no page
 * loads anything from another host. Expected values are worked out from the survey (data/vlm-survey.md).
 */
class PagesTest {
    static SurveyServer server;
    static String base;

    /** The 11 papers of "Transfer with Text Prompt Tuning" less ProDA and Bayesian Prompt Learning (no code). */
    static final List<String> TEXT_PROMPT_TUNING_WITH_CODE =
            List.of("CoOp", "CoCoOp", "SubPT", "LASP", "ProGrad", "CPL", "PLOT", "DualCoOp", "TaI-DPT");

    @BeforeAll
    static void start() {
        server = BundledServer.get();
        base = server.url();
    }

    static List<Map<String, String>> csv(String path) {
        HttpResponse<String> r = Http.get(base + path, null);
        assertEquals(200, r.statusCode(), path);
        assertTrue(Http.contentType(r).startsWith("text/csv"), Http.contentType(r));
        return records(r.body());
    }

    static List<Map<String, String>> records(String body) {
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(body))) rows.add(new LinkedHashMap<>(rec.toMap()));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> column(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }

    static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        List<Map<String, String>> found =
                rows.stream().filter(r -> value.equals(r.get(column))).toList();
        assertEquals(1, found.size(), "rows with " + column + " = " + value);
        return found.get(0);
    }

    static String html(String path) {
        HttpResponse<String> r = Http.get(base + path, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode(), path);
        assertTrue(Http.contentType(r).startsWith("text/html"), Http.contentType(r));
        OtherHosts.assertNone(r.body());
        return r.body();
    }

    @Test
    void papersCsv() {
        List<Map<String, String>> rows = csv("/papers.csv");
        assertEquals(41, rows.size());
        assertEquals(41, rows.stream().map(r -> r.get("paper")).distinct().count());
        Map<String, String> clip = new LinkedHashMap<>();
        clip.put("paper", "https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020");
        clip.put("shortName", "CLIP");
        clip.put("title", "CLIP: Learning Transferable Visual Models From Natural Language Supervision");
        clip.put("category", "https://w3id.org/vlm-survey/resource/category/pre-training-with-contrastive-objective");
        clip.put("categoryLabel", "Pre-training with Contrastive Objective");
        clip.put(
                "parentCategory", "https://w3id.org/vlm-survey/resource/category/vision-language-pre-training-methods");
        clip.put("parentCategoryLabel", "Vision-Language Pre-training Methods");
        clip.put("categoryPath", "pre-training-with-contrastive-objective vision-language-pre-training-methods");
        clip.put("venue", "https://w3id.org/vlm-survey/resource/venue/icml");
        clip.put("venueLabel", "ICML");
        clip.put("year", "2021");
        clip.put("code", "https://github.com/openai/CLIP");
        clip.put("arxiv", "2103.00020");
        clip.put("pdf", "https://arxiv.org/pdf/2103.00020");
        clip.put("doi", "10.48550/arXiv.2103.00020");
        clip.put("url", "https://arxiv.org/pdf/2103.00020.pdf");
        assertEquals(clip, rows.get(0), "the survey's first paper, every column");
        // README: 11 papers have no released code listed; 25 + 2 + 3 pre-training, 11 text prompt tuning.
        assertEquals(11, rows.stream().filter(r -> r.get("code").isEmpty()).count());
        assertEquals(
                30,
                rows.stream()
                        .filter(r -> r.get("categoryPath").contains("vision-language-pre-training-methods"))
                        .count());
        assertEquals(
                TEXT_PROMPT_TUNING_WITH_CODE,
                rows.stream()
                        .filter(r ->
                                List.of(r.get("categoryPath").split(" ")).contains("transfer-with-text-prompt-tuning"))
                        .filter(r -> !r.get("code").isEmpty())
                        .map(r -> r.get("shortName"))
                        .toList());
        Map<String, String> otter = row(rows, "shortName", "OTTER");
        assertEquals("", otter.get("arxiv"), "OTTER has no arXiv link in the survey");
        assertEquals("https://github.com/facebookresearch/OTTER", otter.get("url"));
    }

    @Test
    void datasetsCsv() {
        List<Map<String, String>> rows = csv("/datasets.csv");
        assertEquals(56, rows.size(), "the survey's 56 dataset rows");
        assertEquals(
                55,
                rows.stream().map(r -> r.get("dataset")).distinct().count(),
                "55 datasets (COCO Caption in both tables)");
        assertEquals(
                16,
                rows.stream().filter(r -> r.get("kind").equals("pre-training")).count());
        assertEquals(
                40,
                rows.stream().filter(r -> r.get("kind").equals("evaluation")).count());
        Map<String, String> clip = row(rows, "dataset", "https://w3id.org/vlm-survey/resource/dataset/clip");
        assertEquals(
                List.of(
                        "CLIP",
                        "pre-training",
                        "2021",
                        "400000000",
                        "400M",
                        "English",
                        "https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020",
                        "CLIP",
                        "https://arxiv.org/pdf/2103.00020.pdf"),
                List.of(
                        clip.get("name"),
                        clip.get("kind"),
                        clip.get("year"),
                        clip.get("imageTextPairs"),
                        clip.get("imageTextPairsLabel"),
                        clip.get("languages"),
                        clip.get("introducedIn"),
                        clip.get("introducedInLabel"),
                        clip.get("introducedInLink")));
        Map<String, String> imagenet = row(rows, "dataset", "https://w3id.org/vlm-survey/resource/dataset/imagenet-1k");
        assertEquals(
                List.of(
                        "evaluation",
                        "2009",
                        "Image Classification",
                        "Accuracy",
                        "1000",
                        "1281167",
                        "50000",
                        "https://www.image-net.org/"),
                List.of(
                        imagenet.get("kind"),
                        imagenet.get("year"),
                        imagenet.get("taskLabel"),
                        imagenet.get("metrics"),
                        imagenet.get("classes"),
                        imagenet.get("trainingSize"),
                        imagenet.get("testingSize"),
                        imagenet.get("landingPage")));
        assertEquals(
                "mWAP, mSAP",
                row(rows, "dataset", "https://w3id.org/vlm-survey/resource/dataset/rareact")
                        .get("metrics"));
        Map<String, String> laion = row(rows, "dataset", "https://w3id.org/vlm-survey/resource/dataset/laion5b");
        assertEquals(
                List.of("5000000000", "Over 100 Languages", "100"),
                List.of(laion.get("imageTextPairs"), laion.get("languages"), laion.get("minNumberOfLanguages")));
    }

    @Test
    void categoriesCsv() {
        List<Map<String, String>> rows = csv("/categories.csv");
        List<String> expected = List.of(
                "Vision-Language Pre-training Methods|30|0|21",
                "Pre-training with Contrastive Objective|25|25|17",
                "Pre-training with Generative Objective|2|2|2",
                "Pre-training with Alignment Objective|3|3|2",
                "Vision-Language Model Transfer Learning Methods|11|0|9",
                "Transfer with Prompt Tuning|11|0|9",
                "Transfer with Text Prompt Tuning|11|11|9",
                "Transfer with Visual Prompt Tuning|0|0|0",
                "Transfer with Text and Visual Prompt Tuning|0|0|0",
                "Transfer with Feature Adapter|0|0|0",
                "Transfer with Other Methods|0|0|0",
                "Vision-Language Model Knowledge Distillation Methods|0|0|0");
        assertEquals(
                expected,
                rows.stream()
                        .map(r -> r.get("label") + "|" + r.get("papers") + "|" + r.get("directPapers") + "|"
                                + r.get("withCode"))
                        .toList());
        assertEquals(
                "https://w3id.org/vlm-survey/resource/category/transfer-with-prompt-tuning",
                row(rows, "label", "Transfer with Text Prompt Tuning").get("broader"));
    }

    @Test
    void venuesCsv() {
        List<Map<String, String>> rows = csv("/venues.csv");
        assertEquals(
                List.of(
                        "arXiv|11",
                        "CVPR|10",
                        "NeurIPS|6",
                        "ICLR|5",
                        "ECCV|2",
                        "ICML|2",
                        "AAAI|1",
                        "EMNLP|1",
                        "ICLRW|1",
                        "IJCV|1",
                        "TCSVT|1"),
                rows.stream().map(r -> r.get("acronym") + "|" + r.get("papers")).toList());
        Map<String, String> cvpr = row(rows, "acronym", "CVPR");
        assertEquals(
                List.of(
                        "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
                        "conference",
                        "2022",
                        "2023",
                        "https://dblp.org/streams/conf/cvpr"),
                List.of(
                        cvpr.get("name"),
                        cvpr.get("kind"),
                        cvpr.get("firstYear"),
                        cvpr.get("lastYear"),
                        cvpr.get("dblp")));
    }

    @Test
    void jsonAndNegotiation() {
        HttpResponse<String> j = Http.get(base + "/papers.json", null);
        assertTrue(Http.contentType(j).startsWith("application/json"));
        JsonArray papers = JSON.parseAny(j.body()).getAsArray();
        assertEquals(41, papers.size());
        JsonObject clip = papers.get(0).getAsObject();
        assertEquals("CLIP", clip.get("shortName").getAsString().value());
        assertFalse(clip.hasKey("nothing"));
        HttpResponse<String> venues = Http.get(base + "/venues", "application/json");
        JsonObject arxiv = JSON.parseAny(venues.body()).getAsArray().get(0).getAsObject();
        assertEquals(11, arxiv.get("papers").getAsNumber().value().intValue(), "counts are JSON numbers");
        assertTrue(Http.contentType(Http.get(base + "/categories?format=csv", "text/html"))
                .startsWith("text/csv"));
        assertTrue(Http.contentType(Http.get(base + "/datasets", "text/csv")).startsWith("text/csv"));
        assertTrue(Http.contentType(Http.get(base + "/datasets", null)).startsWith("text/html"), "HTML without Accept");
        assertTrue(Http.contentType(Http.get(base + "/datasets", "*/*")).startsWith("text/html"));
        assertEquals(406, Http.get(base + "/papers", "image/png").statusCode());
        assertEquals(406, Http.get(base + "/papers?format=xls", null).statusCode());
        assertEquals(404, Http.get(base + "/venues.bib", null).statusCode());
        // The CSV and JSON say the same.
        assertEquals(
                column(csv("/venues.csv"), "acronym"),
                JSON.parseAny(Http.get(base + "/venues.json", null).body()).getAsArray().stream()
                        .map(v -> v.getAsObject().get("acronym").getAsString().value())
                        .toList());
    }

    @Test
    void papersPage() {
        String page = html("/papers");
        assertEquals(41, count(page, "<tr data-category="), "every paper is in the HTML");
        assertEquals(0, count(page, " hidden>"));
        assertTrue(page.contains("Showing 41 of 41 papers"));
        for (Map<String, String> r : csv("/papers.csv"))
            assertTrue(page.contains("href=\"/resource/"
                    + r.get("paper").substring("https://w3id.org/vlm-survey/resource/".length()) + "\""));
        assertTrue(page.contains("<option value=\"transfer-with-text-prompt-tuning\">"), "category filter");
        assertTrue(page.contains("<option value=\"CVPR\">CVPR</option>")
                && page.contains("<option value=\"2021\">2021</option>"));
        assertTrue(page.contains("<script src=\"/static/papers.js\"></script>"));
        assertEquals(200, Http.get(base + "/static/papers.js", null).statusCode());
        assertEquals(200, Http.get(base + "/static/site.css", null).statusCode());
        // "See the query": the query page with exactly the bundled query.
        assertEquals(
                List.of(Bundled.text("queries/pages/papers.rq"), Bundled.text("queries/pages/categories.rq")),
                shownQueries(page));
    }

    @Test
    void papersPageFiltersWithoutJavaScript() {
        String page = html("/papers?category=transfer-with-text-prompt-tuning&code=yes");
        List<String> shown = new ArrayList<>();
        Matcher m = Pattern.compile(
                        "<tr data-category=\"[^\"]*\" data-venue=\"[^\"]*\" data-year=\"[^\"]*\" data-code=\"[^\"]*\" data-name=\"([^\"]*)\">")
                .matcher(page);
        while (m.find()) shown.add(m.group(1));
        assertEquals(TEXT_PROMPT_TUNING_WITH_CODE, shown);
        assertEquals(41 - 9, count(page, " hidden>"), "the other rows are in the page, hidden");
        assertTrue(page.contains("Showing 9 of 41 papers"));
        assertTrue(page.contains("<option value=\"transfer-with-text-prompt-tuning\" selected>"));
        assertTrue(page.contains("name=\"code\" value=\"yes\" checked>"));
        assertTrue(html("/papers?venue=IJCV").contains("Showing 1 of 41 papers"));
        // sorted on the server too, the sort a checked parameter: a column name, or 400
        String byYear = html("/papers?sort=-year&venue=CVPR");
        assertTrue(byYear.contains("data-sort=\"-year\"") && byYear.contains("aria-sort=\"descending\">Year</th>"));
        assertTrue(byYear.indexOf("data-year=\"2023\"") < byYear.indexOf("data-year=\"2022\""));
        assertTrue(byYear.indexOf("data-year=\"2022\"") < byYear.indexOf("data-year=\"2021\""));
        for (String bad : List.of("bogus", "--year", "year;DROP", "-"))
            assertEquals(
                    400, Http.get(base + "/papers?sort=" + Http.enc(bad), null).statusCode(), bad);
        assertTrue(
                html("/papers?year=2021&category=vision-language-pre-training-methods")
                        .contains("Showing 5 of 41 papers"),
                "CLIP, ALIGN, OTTER, Florence, RegionClip");
    }

    @Test
    void otherBrowsePages() {
        String datasets = html("/datasets");
        assertTrue(datasets.contains("Pre-training datasets (16)") && datasets.contains("Evaluation datasets (40)"));
        assertTrue(datasets.contains("<span title=\"400,000,000\">400M</span>"), "pairs with their exact number");
        assertTrue(datasets.contains("<td data-label=\"Training\" class=\"num\">1,281,167</td>"));
        String categories = html("/categories");
        assertTrue(categories.contains("<a href=\"/papers?category=transfer-with-text-prompt-tuning\">11</a>"));
        assertTrue(categories.contains("<a href=\"/papers.bib?category=transfer-with-text-prompt-tuning\">.bib</a>"));
        String venues = html("/venues");
        assertTrue(venues.contains("<a href=\"/resource/venue/cvpr\">CVPR</a>") && venues.contains("2022–2023"));
        for (String p : List.of("datasets", "categories", "venues"))
            assertEquals(List.of(Bundled.text("queries/pages/" + p + ".rq")), shownQueries(html("/" + p)));
    }

    @Test
    void paperPage() {
        String page = html("/resource/paper/arxiv-2103.00020");
        Map<String, String> meta = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<meta name=\"(citation_[a-z_]+)\" content=\"([^\"]*)\">")
                .matcher(page);
        while (m.find()) meta.put(m.group(1), m.group(2));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("citation_title", "CLIP: Learning Transferable Visual Models From Natural Language Supervision");
        expected.put("citation_publication_date", "2021");
        expected.put("citation_date", "2021");
        expected.put("citation_conference_title", "International Conference on Machine Learning");
        expected.put("citation_journal_abbrev", "ICML");
        expected.put("citation_arxiv_id", "2103.00020");
        expected.put("citation_doi", "10.48550/arXiv.2103.00020");
        expected.put("citation_pdf_url", "https://arxiv.org/pdf/2103.00020");
        expected.put("citation_abstract_html_url", "https://arxiv.org/abs/2103.00020");
        expected.put("citation_public_url", "https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020");
        assertEquals(expected, meta);
        JsonObject ld = JSON.parse(jsonLd(page));
        assertEquals("https://schema.org", ld.get("@context").getAsString().value());
        assertEquals("ScholarlyArticle", ld.get("@type").getAsString().value());
        assertEquals("CLIP", ld.get("alternateName").getAsString().value());
        assertEquals("2021", ld.get("datePublished").getAsString().value());
        assertEquals(
                "ICML",
                ld.get("isPartOf")
                        .getAsObject()
                        .get("alternateName")
                        .getAsString()
                        .value());
        assertEquals(
                "https://github.com/openai/CLIP",
                ld.get("subjectOf")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("codeRepository")
                        .getAsString()
                        .value());
        assertEquals(
                "Pre-training with Contrastive Objective",
                ld.get("about")
                        .getAsArray()
                        .get(0)
                        .getAsObject()
                        .get("name")
                        .getAsString()
                        .value());
        // Buttons, breadcrumb, the datasets it introduced, the Cite link to the .bib.
        assertTrue(page.contains("<a class=\"button\" href=\"https://arxiv.org/abs/2103.00020\">arXiv</a>"));
        assertTrue(page.contains("<a class=\"button\" href=\"https://arxiv.org/pdf/2103.00020\">PDF</a>"));
        assertTrue(
                page.contains("<a class=\"button\" href=\"https://doi.org/10.48550/arXiv.2103.00020\">arXiv DOI</a>"));
        assertTrue(page.contains("<dt>arXiv DOI</dt><dd>10.48550/arXiv.2103.00020</dd>"));
        assertTrue(page.contains("<a class=\"button\" href=\"https://github.com/openai/CLIP\">Code</a>"));
        assertTrue(
                page.contains(
                        "<a class=\"button\" href=\"/resource/paper/arxiv-2103.00020.bib\" id=\"cite-button\" aria-controls=\"cite\">Cite</a>"));
        assertTrue(
                page.replaceAll("\\s+", " ")
                        .contains(
                                "<li><a href=\"/categories\">Categories</a></li> "
                                        + "<li><a href=\"/resource/category/vision-language-pre-training-methods\">Vision-Language Pre-training Methods</a></li>"
                                        + "<li><a href=\"/resource/category/pre-training-with-contrastive-objective\">Pre-training with Contrastive Objective</a></li>"),
                "breadcrumb");
        assertTrue(page.contains("<h2>Datasets it introduced</h2>")
                && page.contains("<a href=\"/resource/dataset/clip\">CLIP</a>"));
        assertTrue(page.contains("@inproceedings{clip2021,"));
        String coop = html("/resource/paper/arxiv-2109.01134");
        assertTrue(coop.contains("<h2>Other papers with the same code repository</h2>"));
        assertTrue(
                coop.contains(
                        "<a href=\"/resource/paper/arxiv-2203.05557\">CoCoOp: Conditional Prompt Learning for Vision-Language Models</a>"));
        assertTrue(coop.contains(
                "<meta name=\"citation_journal_title\" content=\"International Journal of Computer Vision\">"));
        assertFalse(coop.contains("citation_conference_title"));
        assertTrue(
                html("/resource/paper/arxiv-2209.06794")
                        .contains(
                                "<a class=\"button\" href=\"https://ai.googleblog.com/2022/09/pali-scaling-language-image-learning-in.html\">Project page</a>"));
        // A dataset's publication that is not a surveyed paper keeps the page of its statements.
        assertTrue(html("/resource/paper/arxiv-1504.00325").contains("Statements about this resource"));
    }

    @Test
    void paperPageLeadsToItsNeighboursAndItsLineOfTheReadme() {
        String page = html("/resource/paper/arxiv-2109.01134").replaceAll("\\s+", " ");
        // CoOp is the first of the 11 papers of "Transfer with Text Prompt Tuning" (README line 201), CoCoOp next
        assertTrue(
                page.contains(
                        "<a href=\"https://github.com/jingyi0000/VLM_survey/blob/2b83d1a/README.md#L201\">line 201"
                                + " of the survey's README</a>"),
                page);
        assertFalse(page.contains("rel=\"prev\""), "the first of its category");
        assertTrue(page.contains(
                "<a class=\"button\" rel=\"next\" href=\"/resource/paper/arxiv-2203.05557\">Next: CoCoOp ›</a>"));
        Matcher others =
                Pattern.compile("<ul class=\"paper-others\">(.*?)</ul>").matcher(page);
        assertTrue(others.find());
        assertEquals(10, count(others.group(1), "<li>"), "the other 10 papers of its category");
        Matcher report = Pattern.compile(
                        "<a href=\"(https://github.com/jingyi0000/VLM_survey/issues/new\\?[^\"]+)\">Report a mistake</a>")
                .matcher(page);
        assertTrue(report.find(), "a pre-filled issue");
        String decoded = URLDecoder.decode(report.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
        assertTrue(
                decoded.contains("title=Mistake in the listing of CoOp: Learning to Prompt for Vision-Language Models"),
                decoded);
        assertTrue(decoded.contains("README.md#L201"), decoded);
        // CoCoOp: between CoOp and the third
        String cocoop = html("/resource/paper/arxiv-2203.05557");
        assertTrue(cocoop.contains("rel=\"prev\" href=\"/resource/paper/arxiv-2109.01134\">‹ Previous: CoOp</a>"));
        assertTrue(cocoop.contains("README.md#L202"));
    }

    @Test
    void datasetsPageFilters() {
        String all = html("/datasets");
        assertTrue(all.contains("Pre-training datasets (16)") && all.contains("Evaluation datasets (40)"));
        assertTrue(all.contains("<option value=\"Image Classification\">Image Classification</option>"));
        String classification = html("/datasets?task=" + Http.enc("Image Classification"));
        assertTrue(classification.contains("Pre-training datasets (0)"), "a task keeps evaluation datasets only");
        assertTrue(classification.contains("Evaluation datasets (27)"));
        assertTrue(classification.contains("<option value=\"Image Classification\" selected>"));
        String large = html("/datasets?size=1B");
        assertTrue(large.contains("Pre-training datasets (3)"), "WebLI, LAION5B, ALIGN");
        assertTrue(large.contains("Evaluation datasets (0)"));
        assertTrue(large.contains(">WebLI</a>") && large.contains(">LAION5B</a>") && large.contains(">ALIGN</a>"));
        assertTrue(html("/datasets?size=100M").contains("Pre-training datasets (8)"));
        // checked values: unknown ones 404, malformed 400, never query text
        assertEquals(404, Http.get(base + "/datasets?task=Juggling", null).statusCode());
        assertEquals(404, Http.get(base + "/datasets?size=2B", null).statusCode());
        assertEquals(
                404,
                Http.get(base + "/datasets?metric=" + Http.enc("x\" } #"), null).statusCode());
        assertEquals(400, Http.get(base + "/datasets?year=20x1", null).statusCode());
        assertEquals(
                400, Http.get(base + "/datasets?task=" + "t".repeat(300), null).statusCode());
    }

    @Test
    void jsonLdCannotCloseItsScript() {
        JsonObject o = new JsonObject();
        o.put("name", "</script><script>alert(1)</script><!--");
        String s = ResourcePages.script(o);
        assertFalse(s.contains("<"), s);
        assertEquals(
                "</script><script>alert(1)</script><!--",
                JSON.parse(s).get("name").getAsString().value());
    }

    @Test
    void categoryDatasetAndVenuePages() {
        String cat = html("/resource/category/transfer-with-prompt-tuning");
        assertTrue(cat.contains("<h2>Papers (11)</h2>"), "papers of its sub-categories");
        assertTrue(cat.contains("<h2>Sub-categories</h2>"));
        for (String sub : List.of(
                "transfer-with-text-prompt-tuning",
                "transfer-with-visual-prompt-tuning",
                "transfer-with-text-and-visual-prompt-tuning"))
            assertTrue(cat.contains("<li><a href=\"/resource/category/" + sub + "\">"), sub);
        assertTrue(cat.contains("href=\"/papers.bib?category=transfer-with-prompt-tuning\""));
        assertEquals(3, shownQueries(cat).size(), "the tree, the path and the papers");
        String coco = html("/resource/dataset/coco-caption");
        assertTrue(coco.contains("<h2>As a pre-training dataset</h2>")
                && coco.contains("<h2>As an evaluation dataset</h2>"));
        assertTrue(coco.contains("<dt>Image-text pairs</dt><dd>1.5M (1,500,000)</dd>"));
        assertTrue(coco.contains("<dt>Training size</dt><dd>82,783</dd>"));
        String cvpr = html("/resource/venue/cvpr");
        assertTrue(cvpr.contains("<h2>2023 (3)</h2>") && cvpr.contains("<h2>2022 (7)</h2>"), "README: CVPR 2022: 7");
        assertTrue(cvpr.indexOf("<h2>2023") < cvpr.indexOf("<h2>2022"), "newest year first");
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    static String jsonLd(String page) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), "no JSON-LD");
        return m.group(1);
    }

    /** The queries a page links to ("See the query"), decoded from their {@code /sparql#query=} links. */
    static List<String> shownQueries(String page) {
        List<String> queries = new ArrayList<>();
        Matcher m = Pattern.compile("<a href=\"/sparql#query=([^\"]*)\">See the query</a>")
                .matcher(page);
        while (m.find()) queries.add(URLDecoder.decode(m.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8));
        return queries;
    }
}
