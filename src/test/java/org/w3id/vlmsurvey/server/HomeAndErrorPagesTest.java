package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.server.web.Endpoints;

/**
 * The home page, the editor's own path, the error pages and the meta tags of every page, over real HTTP on the
 * bundled survey. The survey's title, authors and arXiv id are the ones of its README's Citation block.
 */
class HomeAndErrorPagesTest {
    /** What Chromium sends for a page. */
    static final String BROWSER =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /** One page of each kind a reader sees. */
    static final List<String> READER_PAGES = List.of(
            "/",
            "/papers",
            "/datasets",
            "/categories",
            "/venues",
            "/charts",
            "/search?q=prompt",
            "/sparql",
            "/ontology",
            "/resource/paper/arxiv-2103.00020",
            "/resource/dataset/imagenet-1k",
            "/resource/category/transfer-with-text-prompt-tuning",
            "/resource/venue/cvpr",
            "/resource/entry/paper/arxiv-2212.08045/pre-training-with-contrastive-objective",
            "/resource/code/github/arrowluo/segclip",
            "/no/such/page");

    static String base;

    @BeforeAll
    static void start() {
        base = BundledServer.get().url();
    }

    static String flat(String html) {
        return html.replaceAll("\\s+", " ");
    }

    @Test
    void homeSaysWhatTheSurveyIsAndIsNotTheEditor() {
        HttpResponse<String> r = Http.get(base + Endpoints.HOME, BROWSER);
        assertEquals(200, r.statusCode());
        String page = flat(r.body());
        assertFalse(page.contains("yasgui"), "the home page is not the editor");
        assertTrue(page.contains("<h1 id=\"home-title\">Vision-Language Models for Vision Tasks: A Survey</h1>"), page);
        assertTrue(page.contains("Jingyi Zhang, Jiaxing Huang, Sheng Jin, Shijian Lu"));
        assertTrue(page.contains("<a href=\"https://arxiv.org/abs/2304.00685\">arXiv:2304.00685</a>"));
        for (String count : List.of(
                "<strong>41</strong> papers",
                "<strong>55</strong> datasets",
                "<strong>12</strong> method categories",
                "<strong>11</strong> venues",
                "<strong>29</strong> code repositories")) assertTrue(page.contains(count), count);
        // the version shown: the bundled file and the first 12 hex digits of its SHA-256 (data/README.md)
        assertTrue(page.contains("<code>b978bfda1d1a</code>"), page);
        // without a history: the most recent papers, 2023 first, in the survey's order (NLIP is listed first)
        Matcher newest = Pattern.compile("<ul class=\"home-newest\">(.*?)</ul>").matcher(page);
        assertTrue(newest.find());
        List<String> titles = new ArrayList<>();
        Matcher a = Pattern.compile("<li><a href=\"[^\"]+\">([^<]+)</a>").matcher(newest.group(1));
        while (a.find()) titles.add(a.group(1));
        assertEquals(8, titles.size(), titles.toString());
        assertEquals("NLIP: Noise-robust Language-Image Pre-training", titles.get(0));
        for (String link : List.of("/papers", "/datasets", "/categories", "/charts", "/changes", "/sparql"))
            assertTrue(page.contains("<a href=\"" + link + "\">"), link);
        assertTrue(page.contains("<script src=\"/static/home.js\" data-editor=\"/sparql\"></script>"));
        assertTrue(page.contains("CITE THIS SURVEY") || !page.contains("{#"), "the template comment is not sent");
        assertEquals(200, Http.get(base + "/static/home.js", null).statusCode());
    }

    @Test
    void theEditorHasItsOwnPath() {
        HttpResponse<String> r = Http.get(base + Endpoints.EDITOR, BROWSER);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/static/vendor/yasgui/yasgui.min.js"));
        assertTrue(r.body().contains("<a href=\"/sparql\" aria-current=\"page\">SPARQL</a>"));
    }

    @Test
    void notFoundIsAPageForBrowsersAndALineForOthers() {
        for (String path : List.of("/no/such/page", "/resource/paper/no-such-paper", "/static/no-such.js")) {
            HttpResponse<String> html = Http.get(base + path, BROWSER);
            assertEquals(404, html.statusCode(), path);
            assertTrue(Http.contentType(html).startsWith("text/html"), path + ": " + Http.contentType(html));
            String page = flat(html.body());
            assertTrue(page.contains("<h1>Page not found</h1>"), page);
            assertTrue(page.contains("<input id=\"error-search-q\" type=\"search\" name=\"q\">"), "a search box");
            assertTrue(page.contains("<form class=\"site-search\""), "in the site's layout");
            for (String accept : new String[] {null, "*/*", "text/turtle"}) {
                HttpResponse<String> text = Http.get(base + path, accept);
                assertEquals(404, text.statusCode(), path + " " + accept);
                assertTrue(Http.contentType(text).startsWith("text/plain"), path + " " + accept);
                assertTrue(text.body().startsWith("Not found: "), text.body());
                assertFalse(text.body().contains("<"), text.body());
            }
        }
    }

    @Test
    void badRequestIsAPageForBrowsersAndALineForOthers() {
        HttpResponse<String> html = Http.get(base + "/papers?year=abc", BROWSER);
        assertEquals(400, html.statusCode());
        assertTrue(Http.contentType(html).startsWith("text/html"));
        String page = flat(html.body());
        assertTrue(page.contains("<h1>Bad request</h1>"), page);
        assertTrue(page.contains("Bad request: year &quot;abc&quot; is not a year (four digits)"), page);
        assertTrue(page.contains("id=\"error-search-q\""));
        assertEquals("no-store", html.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> text = Http.get(base + "/papers?year=abc", null);
        assertEquals(400, text.statusCode());
        assertEquals("Bad request: year \"abc\" is not a year (four digits)\n", text.body());
        // the SPARQL endpoint keeps its own machine-readable errors
        HttpResponse<String> sparql = Http.get(base + Endpoints.SPARQL + "?query=SELEC", BROWSER);
        assertEquals(400, sparql.statusCode());
        assertFalse(sparql.body().contains("error-search-q"), sparql.body());
    }

    @Test
    void everyPageHasADescriptionAndOpenGraphTags() {
        Pattern description = Pattern.compile("<meta name=\"description\" content=\"([^\"]{20,})\">");
        Pattern ogTitle = Pattern.compile("<meta property=\"og:title\" content=\"([^\"]+)\">");
        List<String> urls = new java.util.ArrayList<>(
                READER_PAGES.stream().map(p -> base + p).toList());
        urls.add(AuthorServer.get().url() + AuthorServer.SHARED); // an author's page needs a metadata.ttl
        for (String path : urls) {
            HttpResponse<String> r = Http.get(path, BROWSER);
            String page = r.body();
            Matcher d = description.matcher(page), t = ogTitle.matcher(page);
            assertTrue(d.find(), path + ": meta description");
            assertTrue(t.find(), path + ": og:title");
            assertTrue(page.contains("<title>" + t.group(1) + " · VLM survey</title>"), path + ": " + t.group(1));
            assertTrue(page.contains("<meta property=\"og:description\" content=\"" + d.group(1) + "\">"), path);
            assertTrue(page.contains("<meta property=\"og:type\" content=\""), path);
        }
    }

    @Test
    void entryAndCodePagesAreTitledByTheirLabelNotACurie() {
        String entry = Http.get(
                        base + "/resource/entry/paper/arxiv-2212.08045/pre-training-with-contrastive-objective",
                        BROWSER)
                .body();
        assertTrue(
                entry.contains("<h1>CLIPPO: Image-and-Language Understanding from Pixels Only, as listed under"
                        + " Pre-training with Contrastive Objective</h1>"),
                entry);
        String code = Http.get(base + "/resource/code/github/arrowluo/segclip", BROWSER)
                .body();
        assertTrue(code.contains("<title>ArrowLuo/SegCLIP · VLM survey</title>"));
        for (String page : List.of(entry, code)) {
            assertFalse(page.contains("<h1>res:"), "no CURIE as the title");
            assertFalse(page.contains("<h3"), "no heading level skipped under the h1");
        }
    }
}
