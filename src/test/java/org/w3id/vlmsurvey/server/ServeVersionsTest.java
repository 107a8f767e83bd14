package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3id.vlmsurvey.graph.Stats;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.history.TestHistory;
import org.xml.sax.InputSource;

/**
 * Issue 16's acceptance, over real HTTP: the server with the test history ({@link TestHistory}: numbered lists,
 * tables, bullet entries and a News section) serves its newest version on every reader page, with the counts
 * {@code stats} gives for that version's file; {@code ?version=} by full commit, short commit and day; what changed
 * as pages and as an Atom feed.
 */
class ServeVersionsTest {
    @TempDir
    static Path tmp;

    static SurveyServer server;
    static TestHistory repo;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        repo = TestHistory.create(tmp.resolve("survey"));
        server = HistoryServers.start(repo);
        base = server.url();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stats stats(String version) {
        return Stats.of(SurveyGraph.build(SurveyGraph.Source.file(TestHistory.VERSIONS.resolve(version + ".md")), 1)
                .data());
    }

    static HttpResponse<String> get(String path) {
        return Http.get(base + path, "text/html");
    }

    static String page(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    static JsonArray rows(String path) {
        HttpResponse<String> r = Http.get(base + path, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.parseAny(r.body()).getAsArray();
    }

    /** The number of rows of a browse page's JSON, and the total its HTML says. */
    static void assertPapers(long expected, String query) {
        assertEquals(expected, rows("/papers.json" + query).size(), "/papers.json" + query);
        assertTrue(
                page("/papers" + query).contains("Showing " + expected + " of " + expected + " papers"),
                "/papers" + query + " shows " + expected + " papers");
    }

    @Test
    void theNewestVersionIsTheSurveyOnEveryPage() {
        Stats v8 = stats("v8");
        long papers = v8.classes().get("vlm:Paper");
        assertEquals(6, papers, "stats of v8.md");
        assertPapers(papers, "");
        assertEquals(v8.classes().get("vlm:Dataset"), distinct(rows("/datasets.json"), "dataset"));
        // /categories: one row per category of the newest version, each with the papers stats counts under it
        JsonArray categories = rows("/categories.json");
        assertEquals(v8.categories().size(), categories.size());
        for (Stats.CategoryCount c : v8.categories()) {
            var row = categories.stream()
                    .map(j -> j.getAsObject())
                    .filter(o -> value(o.get("label")).equals(c.label()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no category " + c.label()));
            assertEquals(Long.toString(c.total()), value(row.get("papers")), c.label());
        }
        // /charts: its queries run on the endpoint, whose default graph is the newest version
        String perVenue = Http.query(
                        base,
                        org.w3id.vlmsurvey.bundle.Bundled.text("queries/pages/chart-papers-per-venue.rq"),
                        "text/tab-separated-values")
                .body();
        assertTrue(perVenue.contains("\"ICCV\"\t1"), perVenue); // SigLIP moved to ICCV 2023 in v8
        String charts = page("/charts");
        TestHistory.Commit newest = repo.version("v8");
        // every page says which version it shows, linked to the version's page
        for (String p : List.of("/papers", "/datasets", "/categories", "/venues", "/charts", "/search?q=clip"))
            assertTrue(
                    page(p).contains("<a href=\"/versions/" + newest.sha() + "\" rel=\"version\"><time datetime=\""
                            + "2024-01-15T10:00:00Z\">2024-01-15</time> <code>" + newest.short7() + "</code></a>"),
                    p);
        assertFalse(charts.contains("FROM"), "the newest version's charts read the default graph");
        // a paper page: the newest venue (SigLIP: arXiv in v5, ICCV 2023 in v8) in its header, meta tags and BibTeX
        String siglip = page("/resource/paper/arxiv-2303.15343");
        assertTrue(siglip.contains("<meta name=\"citation_conference_title\""), siglip);
        assertTrue(siglip.contains("ICCV"), siglip);
        String bib =
                Http.get(base + "/resource/paper/arxiv-2303.15343.bib", null).body();
        assertTrue(bib.contains("2023") && bib.contains("ICCV"), bib);
        // papers.bib: every paper of the newest version
        String all = Http.get(base + "/papers.bib", null).body();
        assertEquals(papers, all.lines().filter(l -> l.startsWith("@")).count(), all);
    }

    static String value(org.apache.jena.atlas.json.JsonValue v) {
        return v.isString() ? v.getAsString().value() : v.toString();
    }

    static long distinct(JsonArray rows, String key) {
        return rows.stream()
                .map(j -> value(j.getAsObject().get(key)))
                .distinct()
                .count();
    }

    @Test
    void anyVersionByFullCommitShortCommitOrDay() {
        TestHistory.Commit v3 = repo.version("v3");
        long papers = stats("v3").classes().get("vlm:Paper");
        for (String rev :
                List.of(v3.sha(), v3.short7(), v3.sha().substring(0, 10).toUpperCase(), "2023-06-05", "2023-06-06"))
            assertPapers(papers, "?version=" + rev);
        String page = page("/papers?version=" + v3.short7());
        assertTrue(page.contains("An older version of the survey"), page);
        assertTrue(page.contains("<code>" + v3.short7() + "</code>"), page);
        // a search covers the version shown: SLIP is added in v4
        assertEquals(0, rows("/search.json?q=slip&version=" + v3.short7()).size());
        assertEquals(1, rows("/search.json?q=slip").size());
        // the same hits as with one version: the versions' graphs are not in the newest version's index
        assertEquals(1, rows("/search.json?q=filip").size());
        // an older version is searched in its own index, with its context documents: the category and its three
        // papers in v3 (CLIP, ALIGN, FILIP), found by the category's word
        List<String> contrastive = new ArrayList<>();
        for (var hit : rows("/search.json?q=contrastive&version=" + v3.short7()))
            contrastive.add(hit.getAsObject().getString("kind") + " "
                    + hit.getAsObject().getString("resource").replaceAll(".*/", ""));
        assertEquals(
                List.of(
                        "category pre-training-with-contrastive-objective",
                        "paper arxiv-2111.07783",
                        "paper arxiv-2103.00020",
                        "paper arxiv-2102.05918"),
                contrastive);
        // charts of an older version read its graph
        assertTrue(page("/charts?version=2023-06-05").contains("FROM"));
        // an export of an older version
        assertEquals(
                stats("v1").classes().get("vlm:Paper"),
                rows("/papers.json?version=2023-04-07").size());
    }

    /** Every href of a page, as a browser reads them (the attribute's entities decoded). */
    static List<String> links(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\shref=\"([^\"]*)\"").matcher(html);
        while (m.find())
            found.add(m.group(1)
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"));
        return found;
    }

    /**
     * Links to pages that do not take {@code ?version=}: the versions and changes, static files, the SPARQL endpoint
     * and editor, the ontology, VoID, the home page, another site, a fragment, and {@code ?} (the newest version).
     */
    static boolean notAReaderPage(String href) {
        return href.equals("?")
                || href.equals("/")
                || href.startsWith("#")
                || href.startsWith("http://")
                || href.startsWith("https://")
                || List.of("/versions", "/changes", "/static/", "/survey/", "/sparql", "/ontology", "/.well-known/")
                        .stream()
                        .anyMatch(href::startsWith);
    }

    /**
     * Issue 16: a page shown for an older version keeps the reader in it: every internal link to a reader page (a
     * paper, a dataset, a category, the browse pages, charts, search, the exports, the page in other formats) and
     * every form carries the same {@code version}; the newest version's links stay clean.
     */
    @Test
    void linksOfAnOlderVersionCarryIt() {
        String v3 = repo.version("v3").short7();
        String carried = "version=" + v3;
        for (String path : List.of(
                "/resource/paper/arxiv-2103.00020",
                "/papers",
                "/categories",
                "/datasets",
                "/venues",
                "/charts",
                "/search?q=clip")) {
            String older = page(path + (path.contains("?") ? "&" : "?") + "version=" + v3);
            List<String> links = links(older);
            List<String> reader = links.stream().filter(l -> !notAReaderPage(l)).toList();
            assertTrue(reader.size() >= 7, path + ": at least the nav's 7 reader pages: " + reader);
            for (String l : reader) {
                String query = l.contains("?") ? l.substring(l.indexOf('?') + 1).split("#")[0] : "";
                assertTrue(List.of(query.split("&")).contains(carried), path + ": " + l + " does not carry " + carried);
            }
            // every form (site search, filters; all GET) sends it as a hidden field
            String field = "<input type=\"hidden\" name=\"version\" value=\"" + v3 + "\">";
            assertTrue(older.contains(field), path + ": the search form keeps the version");
            assertEquals(count(older, "<form "), count(older, field), path + ": one field in each form");
            // the link to the newest version is clean
            assertTrue(links.contains("?"), path + ": a link to the newest version");
            String newest = page(path);
            for (String l : links(newest)) assertFalse(l.contains("version="), path + " (newest): " + l);
            assertFalse(newest.contains("name=\"version\""), path + " (newest): no hidden version field");
        }
        // scripts (a click on a chart's bar, the filters of /papers) read the version from <body data-version>
        assertTrue(page("/charts?version=" + v3)
                .contains("<body data-sparql=\"/survey/sparql\" data-version=\"" + v3 + "\">"));
        assertTrue(page("/charts").contains("<body data-sparql=\"/survey/sparql\">"));
        // the paper page's own links: its category, its BibTeX, its Turtle, the papers list
        List<String> paper = links(page("/resource/paper/arxiv-2103.00020?version=" + v3));
        for (String expected : List.of(
                "/resource/paper/arxiv-2103.00020.bib?" + carried,
                "/resource/paper/arxiv-2103.00020?format=ttl&" + carried,
                "?format=ttl&" + carried,
                "/papers?" + carried,
                "/categories?" + carried,
                "/charts?" + carried)) assertTrue(paper.contains(expected), expected + " in " + paper);
        assertTrue(
                paper.stream().anyMatch(l -> l.startsWith("/resource/category/") && l.endsWith("?" + carried)),
                "its category: " + paper);
    }

    static long count(String s, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(s).results().count();
    }

    @Test
    void badVersions() {
        // malformed: 400
        for (String bad : List.of("zzz", "123", "2023-13-01", "2023-02-30", "HEAD~1", "x".repeat(5000), "%00"))
            assertEquals(
                    400,
                    Http.get(base + "/papers?version=" + Http.enc(bad), null).statusCode(),
                    bad);
        // well-formed, unknown: 404, an HTML page naming the nearest versions
        HttpResponse<String> before = get("/papers?version=2019-01-01");
        assertEquals(404, before.statusCode());
        assertTrue(before.body().contains("its first version is of 2023-04-07"), before.body());
        assertTrue(
                before.body().contains("href=\"/versions/" + repo.version("v1").sha() + "\""), before.body());
        HttpResponse<String> unknown = get("/resource/paper/arxiv-2103.00020?version=0000000");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("The nearest versions"), unknown.body());
        assertEquals(404, get("/versions/0000000").statusCode());
        assertEquals(400, get("/versions/nothex").statusCode());
        // and the server keeps serving
        assertEquals(200, get("/papers").statusCode());
    }

    /**
     * An unknown or malformed version answers in the kind the client asked for: JSON (by {@code .json},
     * {@code ?format=json} or {@code Accept}) with the nearest versions, plain text for CSV and for curl, the page for a
     * browser; the status is the same.
     */
    @Test
    void badVersionsAnswerInTheKindAskedFor() {
        List<String> shas = repo.versions.stream().map(TestHistory.Commit::sha).toList();
        for (String[] ask : new String[][] {
            {"/papers.json?version=2019-01-01", null},
            {"/papers?version=2019-01-01", "application/json"},
            {"/papers?format=json&version=2019-01-01", "text/html"},
            {"/resource/paper/arxiv-2103.00020?version=2019-01-01", "application/json"}
        }) {
            HttpResponse<String> r = Http.get(base + ask[0], ask[1]);
            assertEquals(404, r.statusCode(), ask[0]);
            assertTrue(Http.contentType(r).startsWith("application/json"), ask[0] + ": " + Http.contentType(r));
            var o = JSON.parse(r.body());
            assertEquals(404, o.get("status").getAsNumber().value().intValue());
            assertTrue(
                    o.get("message")
                            .getAsString()
                            .value()
                            .startsWith("Not found: the survey has no version 2019-01-01"),
                    r.body());
            JsonArray near = o.get("nearest").getAsArray();
            assertEquals(5, near.size(), r.body());
            // by days apart from 2019-01-01: the first versions first
            TestHistory.Commit v1 = repo.version("v1");
            var first = near.get(0).getAsObject();
            assertEquals(v1.sha(), first.get("commit").getAsString().value());
            assertEquals(v1.short7(), first.get("short").getAsString().value());
            assertEquals("2023-04-07", first.get("day").getAsString().value());
            assertEquals(
                    "/versions/" + v1.sha(), first.get("href").getAsString().value());
        }
        // a commit no version has: its 5 nearest, every one a version of the repository
        HttpResponse<String> commit = Http.get(base + "/papers.json?version=0000000", null);
        assertEquals(404, commit.statusCode());
        JsonArray near = JSON.parse(commit.body()).get("nearest").getAsArray();
        assertEquals(5, near.size(), commit.body());
        for (var v : near)
            assertTrue(shas.contains(v.getAsObject().get("commit").getAsString().value()), commit.body());
        // CSV and curl: one line of text that names the nearest versions
        for (String path : List.of("/papers.csv?version=0000000", "/papers?version=0000000")) {
            HttpResponse<String> text = Http.get(base + path, null);
            assertEquals(404, text.statusCode(), path);
            assertTrue(Http.contentType(text).startsWith("text/plain"), path);
            assertTrue(
                    text.body().startsWith("Not found: the survey has no version 0000000; the nearest: "), text.body());
            assertEquals(1, text.body().lines().count(), text.body());
        }
        // malformed: 400 the same way, without nearest versions
        HttpResponse<String> json = Http.get(base + "/papers.json?version=zzz", "text/html");
        assertEquals(400, json.statusCode());
        assertTrue(Http.contentType(json).startsWith("application/json"), Http.contentType(json));
        var bad = JSON.parse(json.body());
        assertEquals(400, bad.get("status").getAsNumber().value().intValue());
        assertTrue(bad.get("message").getAsString().value().startsWith("Bad request: version \"zzz\""), json.body());
        assertFalse(bad.hasKey("nearest"), json.body());
        HttpResponse<String> csv = Http.get(base + "/papers.csv?version=zzz", "text/html");
        assertEquals(400, csv.statusCode());
        assertTrue(Http.contentType(csv).startsWith("text/plain"), Http.contentType(csv));
        assertTrue(csv.body().startsWith("Bad request: version \"zzz\""), csv.body());
        // a browser still gets the page
        HttpResponse<String> page = get("/papers?version=2019-01-01");
        assertTrue(Http.contentType(page).startsWith("text/html"));
        assertTrue(page.body().contains("The nearest versions"), page.body());
        // and the server keeps serving
        assertEquals(200, get("/papers").statusCode());
    }

    @Test
    void versionsAndTheirPages() {
        String versions = page("/versions");
        for (TestHistory.Commit c : repo.versions) {
            if (c.version().equals("v6")) {
                assertFalse(versions.contains(c.short7()), "v6 was skipped");
                continue;
            }
            assertTrue(versions.contains("<a href=\"/versions/" + c.sha() + "\"><code>" + c.short7()), c.version());
        }
        TestHistory.Commit v8 = repo.version("v8");
        String page = page("/versions/" + v8.sha());
        assertTrue(page.contains("<code>" + v8.sha() + "</code>"), page);
        assertTrue(
                page.contains("Paper <a href=\"/resource/paper/arxiv-2102.05918\">"), "ALIGN removed in v8: " + page);
        assertEquals(200, get("/versions/" + v8.short7()).statusCode());
    }

    @Test
    void changesNewestFirst() {
        String changes = page("/changes");
        List<Integer> at = new ArrayList<>();
        for (String v : List.of("v8", "v7", "v5", "v4", "v3", "v2", "v1"))
            at.add(changes.indexOf("id=\"v-" + repo.version(v).short7() + "\""));
        assertTrue(at.stream().allMatch(i -> i >= 0), at.toString());
        assertEquals(at.stream().sorted().toList(), at, "newest first");
        // SLIP added in v4, ALIGN removed in v8, FILIP's venue changed in v5
        String v4 = section(changes, "v4");
        assertTrue(v4.contains("Paper <a href=\"/resource/paper/arxiv-2112.12750\">"), v4);
        assertTrue(section(changes, "v8").contains("Removed"), changes);
        assertTrue(section(changes, "v5").contains("venue: arXiv -&gt; ICLR"), section(changes, "v5"));
    }

    static String section(String html, String version) {
        int s = html.indexOf("id=\"v-" + repo.version(version).short7() + "\"");
        return html.substring(s, html.indexOf("</section>", s));
    }

    @Test
    void theChangesAsAnAtomFeed() throws Exception {
        HttpResponse<String> r = Http.get(base + "/changes.atom", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(Http.contentType(r).startsWith("application/atom+xml"), Http.contentType(r));
        Document feed = atom(r.body());
        Element root = feed.getDocumentElement();
        assertEquals("feed", root.getLocalName());
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(7, entries.getLength());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated", "content"))
                assertEquals(1, e.getElementsByTagNameNS(ATOM, required).getLength(), required);
            ids.add(text(e, "id"));
        }
        assertEquals("https://w3id.org/vlm-survey/version/" + repo.version("v8").sha(), ids.get(0));
        // stable: the same ids on a second request
        assertEquals(r.body(), Http.get(base + "/changes.atom", null).body());
        // one category: only the versions that changed a paper under it
        Document contrastive = atom(Http.get(base + "/changes.atom?category=contrastive-pre-training", null)
                .body());
        NodeList only = contrastive.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        assertTrue(only.getLength() > 0 && only.getLength() < 7, "entries: " + only.getLength());
        assertEquals(
                404,
                Http.get(base + "/changes.atom?category=no-such-category", null).statusCode());
        assertEquals(
                400,
                Http.get(base + "/changes.atom?category=" + Http.enc("<x>"), null)
                        .statusCode());
    }

    static final String ATOM = "http://www.w3.org/2005/Atom";

    static Document atom(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                throw e;
            }
        });
        Document d = builder.parse(new InputSource(new StringReader(xml)));
        Element root = d.getDocumentElement();
        for (String required : List.of("id", "title", "updated"))
            assertEquals(1, children(root, required), "feed " + required);
        return d;
    }

    static int children(Element e, String name) {
        int n = 0;
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling())
            if (c instanceof Element x && ATOM.equals(x.getNamespaceURI()) && name.equals(x.getLocalName())) n++;
        return n;
    }

    static String text(Element e, String name) {
        return e.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    @Test
    void aPaperNoLongerListedShowsItsLastListing() {
        // ALIGN: listed from v1, removed in v8
        String align = page("/resource/paper/arxiv-2102.05918");
        assertTrue(align.contains("No longer listed."), align);
        assertTrue(align.contains("<code>" + repo.version("v7").short7() + "</code>"), align);
        assertTrue(align.contains("ALIGN") || align.contains("Scaling Up"), align);
        // and what its history says
        assertTrue(align.contains("No longer listed after the version of"), align);
    }

    @Test
    void paperAndDatasetPagesShowTheirCurationHistory() {
        // FILIP: first listed in v2, venue changed in v5, still listed; each version linked to its page
        String filip = page("/resource/paper/arxiv-2111.07783");
        assertTrue(
                filip.contains(
                        "(version <a href=\"/versions/" + repo.version("v2").sha() + "\">"),
                filip);
        assertTrue(filip.contains("<a href=\"/versions/" + repo.version("v5").sha() + "\">"), filip);
        assertTrue(filip.contains("Still listed in the survey's newest version."), filip);
        // LAION5B: a dataset, first listed in v2
        HttpResponse<String> datasets = Http.get(base + "/datasets.json", null);
        String laion = JSON.parseAny(datasets.body()).getAsArray().stream()
                .map(j -> j.getAsObject())
                .filter(o -> value(o.get("name")).equals("LAION5B"))
                .map(o -> value(o.get("dataset")))
                .findFirst()
                .orElseThrow();
        String page = page(laion.replace("https://w3id.org/vlm-survey", ""));
        assertTrue(page.contains("<h2 id=\"history\">In the survey's history</h2>"), page);
        assertTrue(
                page.contains(
                        "(version <a href=\"/versions/" + repo.version("v2").sha() + "\">"),
                page);
    }
}
