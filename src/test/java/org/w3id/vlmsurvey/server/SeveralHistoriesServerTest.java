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
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.history.TestHistory;
import org.w3id.vlmsurvey.server.web.Endpoints;

/**
 * {@code serve --history-git A --history-git B} over real HTTP: the survey served is the newest version of each
 * survey merged (the paper both list is one paper with a listing in each), and {@code ?version=} names the first
 * survey's versions.
 */
class SeveralHistoriesServerTest {
    static final String RES = "https://w3id.org/vlm-survey/resource/";
    static final String B = "survey/awesome-prompt-learning-test-fixture";

    @TempDir
    static Path dir;

    static List<TestHistory> repos;
    static SurveyServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        repos = TestHistory.twoSurveys(dir);
        server = HistoryServers.start(repos);
        base = server.url();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String body(String path) {
        return body(path, null);
    }

    static String body(String path, String accept) {
        HttpResponse<String> r = Http.get(base + path, accept);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void theSurveysAreEachSurveysNewestVersion() {
        List<Map<String, String>> rows = PagesTest.records(body(Endpoints.SURVEYS + ".csv"));
        assertEquals(List.of(RES + "survey", RES + B), PagesTest.column(rows, "survey"));
        assertEquals(List.of("6", "7"), PagesTest.column(rows, "papers"));
        assertEquals(
                List.of(
                        "README.md@" + repos.get(0).version("v2").short7(),
                        "README.md@" + repos.get(1).version("v2").short7()),
                PagesTest.column(rows, "file"));
    }

    @Test
    void thePapersAreMergedAndFilteredBySurvey() {
        List<Map<String, String>> all = PagesTest.records(body("/papers.csv"));
        assertEquals(12, new TreeSet<>(PagesTest.column(all, "paper")).size(), "6 + 7 papers, CLIP in both");
        assertEquals(13, all.size(), "one row per paper and category: CLIP in one category of each survey");
        List<Map<String, String>> second = PagesTest.records(body("/papers.csv?survey=" + B));
        assertEquals(7, second.size(), second.toString());
        assertTrue(PagesTest.column(second, "paper").contains(RES + "paper/arxiv-2210.03117"), "MaPLe, added in v2");
        List<Map<String, String>> first = PagesTest.records(body("/papers.csv?survey=survey"));
        assertEquals(6, first.size(), first.toString());
        String clip = body("/resource/paper/arxiv-2103.00020", "application/n-triples");
        assertEquals(
                List.of(
                        "<" + RES + "paper/arxiv-2103.00020> <https://w3id.org/vlm-survey/ontology#listedIn> <" + RES
                                + "entry/paper/arxiv-2103.00020/contrastive-pre-training> .",
                        "<" + RES + "paper/arxiv-2103.00020> <https://w3id.org/vlm-survey/ontology#listedIn> <" + RES
                                + B + "/entry/paper/arxiv-2103.00020/contrastive-models> ."),
                clip.lines()
                        .filter(l -> l.startsWith("<" + RES + "paper/arxiv-2103.00020> <https://w3id.org/vlm-survey/"
                                + "ontology#listedIn> "))
                        .sorted()
                        .toList(),
                "one paper, one listing in each survey");
    }

    @Test
    void versionNamesTheFirstSurveysVersionsAndThePagesSaySo() {
        String older = repos.get(0).version("v1").short7(),
                newest = repos.get(0).version("v2").short7();
        List<Map<String, String>> v1 = PagesTest.records(body("/papers.csv?version=" + older));
        // the first survey's v1 (the test history's v7: ALIGN still listed) alone, none of the second survey's
        assertEquals(
                new TreeSet<>(List.of(
                        "2102.05918",
                        "2103.00020",
                        "2110.05208",
                        "2111.07783",
                        "2112.12750",
                        "2212.07143",
                        "2303.15343")),
                new TreeSet<>(PagesTest.column(v1, "arxiv")));
        List<Map<String, String>> merged = PagesTest.records(body("/papers.csv?version=" + newest));
        assertEquals(13, merged.size(), "its newest: the merge, one row per paper and category (CLIP in two)");
        assertEquals(12, new TreeSet<>(PagesTest.column(merged, "paper")).size());
        HttpResponse<String> second =
                Http.get(base + "/papers?version=" + repos.get(1).version("v2").short7(), null);
        assertEquals(404, second.statusCode(), second.body());
        String versions = body(Endpoints.VERSIONS, "text/html");
        for (TestHistory.Commit c : repos.get(0).versions) assertTrue(versions.contains(c.sha()), c.sha());
        for (TestHistory.Commit c : repos.get(1).versions) assertTrue(!versions.contains(c.short7()), c.sha());
        // a paper both list: its curation history is the first survey's, each version linked to a page that exists
        String clip = body("/resource/paper/arxiv-2103.00020", "text/html");
        assertTrue(clip.contains("/versions/" + repos.get(0).version("v1").sha()), clip);
        // (the paper's triples still name the second survey's versions: vlm:firstListedIn, vlm:lastListedIn)
        for (TestHistory.Commit c : repos.get(1).versions) assertTrue(!clip.contains("/versions/" + c.sha()), c.sha());
        String page = body("/papers", "text/html");
        assertTrue(page.contains("Several surveys are served, each from its own history"), page);
    }

    /** The start-up line names each survey's count of versions, not the first survey's alone (issue 18). */
    @Test
    void theStartUpLineCountsEachSurveysVersions() {
        assertEquals(
                "the newest version of each of 2 surveys, merged (4 versions: 2 of survey, 2 of " + B
                        + "; the first survey's newest 2024-01-15 "
                        + repos.get(0).version("v2").short7() + ")",
                SurveyServer.servedHistory(server.store().served().versions()));
    }

    /**
     * A paper both surveys listed and both dropped (ALIGN: the first survey's v7 lists it, v8 not; the second lists
     * it in its first version only) has a {@code vlm:lastListedIn} in each survey: its page shows it as the last
     * version of the first survey that listed it, the survey whose versions are shown, never the second's.
     */
    @Test
    void aPaperBothSurveysDroppedIsShownAsTheFirstSurveyLastListedIt(@TempDir Path tmp) throws Exception {
        String prompting = java.nio.file.Files.readString(TestHistory.PROMPTING);
        String withoutAlign = prompting
                .lines()
                .filter(l -> !l.contains("2102.05918"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertTrue(!withoutAlign.equals(prompting), "the second survey lists ALIGN");
        List<TestHistory> dropped = List.of(
                TestHistory.linear(
                        tmp.resolve("a"),
                        List.of(
                                Map.entry(
                                        "2023-09-12T14:20:00Z",
                                        java.nio.file.Files.readString(TestHistory.VERSIONS.resolve("v7.md"))),
                                Map.entry(
                                        "2024-01-15T10:00:00Z",
                                        java.nio.file.Files.readString(TestHistory.VERSIONS.resolve("v8.md"))))),
                TestHistory.linear(
                        tmp.resolve("b"),
                        List.of(
                                Map.entry("2024-02-01T09:00:00Z", prompting),
                                Map.entry("2024-03-01T09:00:00Z", withoutAlign))));
        try (SurveyServer s = HistoryServers.start(dropped)) {
            HttpResponse<String> r = Http.get(s.url() + "/resource/paper/arxiv-2102.05918", "text/html");
            assertEquals(200, r.statusCode(), r.body());
            String align = r.body();
            assertTrue(align.contains("No longer listed."), align);
            assertTrue(align.contains("<code>" + dropped.get(0).version("v1").short7() + "</code>"), align);
            // its line in the README is linked at that version's commit (line 27 of v7), not at another survey's
            assertTrue(align.contains("/blob/" + dropped.get(0).version("v1").short7() + "/README.md#L27\""), align);
            // (its statements still name the second survey's versions: vlm:firstListedIn, vlm:lastListedIn)
            for (TestHistory.Commit c : dropped.get(1).versions) {
                assertTrue(!align.contains("<code>" + c.short7() + "</code>"), c.sha());
                assertTrue(!align.contains("/blob/" + c.short7() + "/"), c.sha());
            }
        }
    }
}
