package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The front door in a real headless Chromium ({@link Browser}): search finds CoOp, a shared {@code /#query=} link
 * shows its query, the charts are drawn, the query page links and labels the survey's IRIs and shows numbers plain;
 * every network request the pages make (Chrome's performance log) goes to this server and nowhere else; and axe-core
 * (vendored in src/test/resources) finds no serious or critical accessibility violation.
 */
@Tag("slow")
class FrontDoorBrowserTest {
    static final String COOP = "/resource/paper/arxiv-2109.01134";
    static final List<String> PAGES = List.of("/", "/sparql", "/papers", COOP, "/charts", "/search?q=prompt");
    /** One page of every kind: home, editor, browse pages, each kind of resource page, search, charts, 404. */
    static final List<String> EVERY_KIND = List.of(
            "/",
            "/sparql",
            "/papers",
            "/datasets",
            "/categories",
            "/venues",
            "/charts",
            "/search?q=prompt",
            COOP,
            "/resource/dataset/imagenet-1k",
            "/resource/dataset/laion400m",
            "/resource/category/transfer-with-text-prompt-tuning",
            "/resource/venue/cvpr",
            "/resource/entry/paper/arxiv-2212.08045/pre-training-with-contrastive-objective",
            "/resource/code/github/arrowluo/segclip",
            "/ontology",
            "/no/such/page");

    /**
     * The URLs of {@link #EVERY_KIND} on this server, and an author's page, which needs a {@code metadata.ttl}
     * ({@link AuthorServer}, another server).
     */
    static List<String> everyKindUrls(SurveyServer server) {
        List<String> urls =
                new ArrayList<>(EVERY_KIND.stream().map(p -> server.url() + p).toList());
        urls.add(AuthorServer.get().url() + AuthorServer.SHARED);
        return urls;
    }

    static SurveyServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumePresent();
        server = BundledServer.get();
        ChromeOptions options = Browser.options();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = Browser.open(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    /** Opens a page of this server and waits until its scripts are done (what each page marks on its body). */
    static void open(String path) {
        openUrl(server.url() + path);
    }

    /** Opens a page by its URL (of this server or another) and waits as {@link #open} does. */
    static void openUrl(String url) {
        browser.get(url);
        String p = url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*", "");
        if (p.equals("/sparql")) browser.until(d -> body("data-examples") != null);
        if (p.equals("/charts")) browser.until(d -> body("data-charts") != null);
    }

    static String body(String attribute) {
        return browser.driver().findElement(By.tagName("body")).getAttribute(attribute);
    }

    /** The URLs requested since the last call, from Chrome's performance log (Network.requestWillBeSent). */
    static List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : browser.driver().manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message = JSON.parse(e.getMessage()).getObj("message");
            if (message.getString("method").equals("Network.requestWillBeSent"))
                urls.add(message.getObj("params").getObj("request").getString("url"));
        }
        return urls;
    }

    @Test
    void searchForPromptFindsCoOp() {
        open("/search?q=prompt");
        List<String> hits = browser.driver().findElements(By.cssSelector(".search-hit a")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(hits.contains("CoOp: Learning to Prompt for Vision-Language Models"), hits.toString());
        // 11 papers and the 4 prompt-tuning categories (a category matches by its label)
        assertEquals(15, hits.size(), hits.toString());
        WebElement coop =
                browser.driver().findElement(By.linkText("CoOp: Learning to Prompt for Vision-Language Models"));
        assertEquals(server.url() + COOP, coop.getAttribute("href"));
        // the search box of the layout, on another page, leads here too
        open("/papers");
        WebElement box = browser.driver().findElement(By.id("site-search-q"));
        box.sendKeys("prompting", Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("/search?q=prompting"));
        assertTrue(browser.driver().findElements(By.cssSelector(".search-hit a")).stream()
                .anyMatch(a -> a.getText().startsWith("CoOp:")));
    }

    @Test
    void aSharedQueryLinkShowsThatQueryInTheEditor() {
        String query =
                "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\nSELECT ?paper WHERE { ?paper vlm:shortName \"CoOp\" }";
        String fragment =
                "#query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
        // an old link, to the home page: its script sends it on to the editor, query and all
        browser.get(server.url() + "/" + fragment);
        browser.until(d -> d.getCurrentUrl().startsWith(server.url() + "/sparql"));
        browser.until(d -> body("data-examples") != null);
        assertEquals("true", body("data-shared"));
        assertEquals(query, browser.script("return window.surveyYasgui.getTab().getQuery();"));
        // a link of today, to the editor itself
        open("/sparql" + fragment);
        assertEquals("true", body("data-shared"));
        assertEquals(query, browser.script("return window.surveyYasgui.getTab().getQuery();"));
        // without a shared query, the first example; and the home page stays the home page
        open("/sparql");
        assertEquals("false", body("data-shared"));
        assertNotEquals(query, browser.script("return window.surveyYasgui.getTab().getQuery();"));
        open("/");
        assertEquals(server.url() + "/", browser.driver().getCurrentUrl());
        assertTrue(browser.driver().findElements(By.id("yasgui")).isEmpty(), "the home page is not the editor");
    }

    @Test
    void queryResultsLinkTheSurveysIrisWithTheirLabelsAndShowNumbersPlain() {
        open("/sparql");
        String query =
                "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\nPREFIX fabio: <http://purl.org/spar/fabio/>\n"
                        + "SELECT ?paper ?year WHERE { ?paper vlm:shortName \"CoOp\" ; fabio:hasPublicationYear ?year }";
        browser.script("window.surveyYasgui.getTab().setQuery(arguments[0]);", query);
        browser.driver().findElement(By.cssSelector(".yasqe_queryButton")).click();
        browser.until(d -> body("data-labels") != null
                && !d.findElements(By.linkText("CoOp: Learning to Prompt for Vision-Language Models"))
                        .isEmpty());
        WebElement link =
                browser.driver().findElement(By.linkText("CoOp: Learning to Prompt for Vision-Language Models"));
        assertEquals(server.url() + COOP, link.getAttribute("href"));
        List<String> cells = browser.driver().findElements(By.cssSelector(".yasr tbody td")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(cells.contains("2022"), "the year shows as a plain value: " + cells);
        assertTrue(cells.stream().noneMatch(c -> c.contains("^^")), cells.toString());
    }

    @Test
    void typingAProjectPrefixDeclaresIt() {
        open("/sparql");
        browser.script("window.surveyYasgui.getTab().setQuery('');");
        WebElement editor = browser.driver().findElement(By.cssSelector(".yasqe .CodeMirror textarea"));
        ((JavascriptExecutor) browser.driver()).executeScript("window.surveyYasgui.getTab().getYasqe().focus();");
        editor.sendKeys("SELECT * WHERE { ?p a fabio:");
        browser.until(d -> String.valueOf(browser.script("return window.surveyYasgui.getTab().getQuery();"))
                .contains("PREFIX fabio: <http://purl.org/spar/fabio/>"));
    }

    @Test
    void chartsAreDrawn() {
        open("/charts");
        Map<String, Long> series =
                Map.of("papers-per-year", 4L, "papers-per-venue", 1L, "code-per-category", 3L, "pretraining-sizes", 1L);
        for (var e : series.entrySet()) {
            WebElement figure = browser.driver().findElement(By.id(e.getKey()));
            assertEquals("true", figure.getAttribute("data-drawn"), e.getKey());
            assertEquals(e.getValue().toString(), figure.getAttribute("data-series"), e.getKey());
            List<WebElement> svg = figure.findElements(By.cssSelector(".chart-canvas svg"));
            assertEquals(1, svg.size(), e.getKey() + ": one SVG chart");
            // the bars: one path per non-zero value, at least
            long rows =
                    figure.findElements(By.cssSelector(".chart-table tbody tr")).size();
            assertTrue(rows > 0, e.getKey());
            long paths = svg.get(0).findElements(By.tagName("path")).size();
            assertTrue(paths >= rows, e.getKey() + ": " + paths + " paths for " + rows + " rows");
            String label = figure.findElement(By.cssSelector(".chart-canvas")).getAttribute("aria-label");
            assertTrue(label.startsWith(figure.findElement(By.tagName("h2")).getText() + ". "), label);
            assertTrue(figure.findElement(By.linkText("See the query"))
                    .getAttribute("href")
                    .contains("/sparql#query="));
        }
        // the numbers: 41 papers per venue in all; arXiv first with 11
        Object sum = browser.script(
                "return echarts.getInstanceByDom(document.querySelector('#papers-per-venue .chart-canvas'))"
                        + ".getOption().series[0].data.reduce((a, b) => a + b, 0);");
        assertEquals(41L, ((Number) sum).longValue());
        assertTrue(browser.driver()
                .findElement(By.cssSelector("#papers-per-venue .chart-canvas"))
                .getAttribute("aria-label")
                .startsWith("Papers per venue. arXiv 11, CVPR 10, NeurIPS 6"));
    }

    /** Clicks, as a reader would, the middle of bar {@code index} of series {@code series} of a chart. */
    static void clickBar(String chart, int series, int index) {
        WebElement canvas = browser.driver().findElement(By.cssSelector("#" + chart + " .chart-canvas"));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script(
                "const c = echarts.getInstanceByDom(arguments[0]); const o = c.getOption();"
                        + " const s = o.series[arguments[1]]; let below = 0;"
                        + " for (let i = 0; i < arguments[1]; i++) below += o.series[i].data[arguments[2]] || 0;"
                        + " const v = s.data[arguments[2]];"
                        + " const y = o.yAxis[0].type === 'log' ? Math.sqrt(Math.max(o.yAxis[0].min, 1) * v) : below + v / 2;"
                        + " return c.convertToPixel({ seriesIndex: arguments[1] }, [arguments[2], y]);",
                canvas,
                series,
                index);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", canvas);
        org.openqa.selenium.Rectangle r = canvas.getRect();

        new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(canvas, (int) Math.round(at.get(0).doubleValue() - r.getWidth() / 2.0), (int)
                        Math.round(at.get(1).doubleValue() - r.getHeight() / 2.0))
                .click()
                .perform();
    }

    @Test
    void chartsReadAndOpenWhatTheyShow() {
        open("/charts");
        // the log axis: a tick per decade, in human numbers
        List<String> labels = browser.driver().findElements(By.cssSelector("#pretraining-sizes svg text")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(labels.containsAll(List.of("100K", "1M", "10M", "100M", "1B", "10B", "100B")), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("e+") || l.matches("[0-9]{7,}")), labels.toString());
        // a colour-blind-safe palette (Paul Tol's muted), at most ten series
        for (String chart : List.of("papers-per-year", "papers-per-venue", "code-per-category", "pretraining-sizes")) {
            assertEquals(
                    "#332288",
                    browser.script(
                            "return echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart-canvas')).getOption().color[0];",
                            chart));
            assertTrue(
                    Integer.parseInt(browser.driver().findElement(By.id(chart)).getAttribute("data-series")) <= 10);
        }
        // a click on a bar opens the papers (or the dataset) it counts
        clickBar("papers-per-venue", 0, 0);
        browser.until(d -> d.getCurrentUrl().contains("/papers?"));
        assertEquals(server.url() + "/papers?venue=arXiv", browser.driver().getCurrentUrl());
        assertEquals(
                "Showing 11 of 41 papers",
                browser.driver().findElement(By.id("paper-count")).getText());
        open("/charts");
        clickBar("papers-per-year", 0, 0);
        browser.until(d -> d.getCurrentUrl().contains("/papers?"));
        assertEquals(
                server.url() + "/papers?year=2021&category=pre-training-with-contrastive-objective",
                browser.driver().getCurrentUrl());
        assertEquals(
                "Showing 5 of 41 papers",
                browser.driver().findElement(By.id("paper-count")).getText());
        open("/charts");
        clickBar("pretraining-sizes", 0, 0);
        browser.until(d -> d.getCurrentUrl().contains("/resource/"));
        assertEquals(server.url() + "/resource/dataset/webli", browser.driver().getCurrentUrl());
    }

    @Test
    void noPageRequestsAnythingFromAnotherHost() {
        requests(); // drop what earlier tests logged
        URI base = URI.create(server.url());
        for (String page : PAGES) {
            open(page);
            if (page.equals("/sparql")) { // run a query, so that results and labels are fetched too
                browser.driver()
                        .findElement(By.cssSelector(".yasqe_queryButton"))
                        .click();
                browser.until(
                        d -> !d.findElements(By.cssSelector(".yasr tbody tr")).isEmpty());
            }
            List<String> urls = requests();
            assertFalse(urls.isEmpty(), page + ": the log recorded no request at all");
            Set<String> elsewhere = new LinkedHashSet<>();
            for (String u : urls) {
                if (u.startsWith("data:") || u.startsWith("blob:") || u.startsWith("about:")) continue;
                URI uri = URI.create(u);
                if (!base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) elsewhere.add(u);
            }
            assertEquals(Set.of(), elsewhere, page + " requested another host");
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolation() throws IOException {
        String axe;
        try (InputStream in = FrontDoorBrowserTest.class.getResourceAsStream("axe/axe.min.js")) {
            assertNotNull(in, "src/test/resources/org/w3id/vlmsurvey/server/axe/axe.min.js");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> problems = new ArrayList<>();
        for (String page : everyKindUrls(server)) {
            openUrl(page);
            if (page.equals(server.url() + "/sparql")) { // with a result table shown (a scrollable region)
                browser.driver()
                        .findElement(By.cssSelector(".yasqe_queryButton"))
                        .click();
                browser.until(
                        d -> !d.findElements(By.cssSelector(".yasr tbody tr")).isEmpty());
            }
            browser.script(axe);
            Object result = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations"
                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order'"
                            + " || v.id === 'scrollable-region-focusable')"
                            + ".map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' -- ' + n.failureSummary).slice(0, 5) })))))"
                            + ".catch(e => done('error: ' + e));");
            String json = String.valueOf(result);
            assertFalse(json.startsWith("error"), page + ": " + json);
            if (!json.equals("[]")) problems.add(page + ": " + json);
        }
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target/axe-violations.txt"), String.join("\n", problems));
        assertEquals(List.of(), problems, "all of them in target/axe-violations.txt");
    }
}
