package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.w3id.vlmsurvey.history.TestHistory;

/**
 * A paper page served with a history ({@link TestHistory}), in a real headless Chromium: SigLIP was an arXiv
 * preprint in the News of v5 and is ICCV 2023 in the newest version (v8), and its header, Cite box and
 * {@code citation_*} meta tags all say ICCV 2023.
 */
@Tag("slow")
class VersionsBrowserTest {
    @TempDir
    static Path tmp;

    static SurveyServer server;
    static Browser browser;
    static TestHistory repo;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumePresent();
        repo = TestHistory.create(tmp.resolve("survey"));
        server = HistoryServers.start(repo);
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    static String meta(WebDriver d, String name) {
        return d.findElement(By.cssSelector("meta[name='" + name + "']")).getAttribute("content");
    }

    @Test
    void aPaperPageShowsTheNewestVenueInItsHeaderCiteBoxAndMetaTags() {
        WebDriver d =
                browser.get(server.url() + "/resource/paper/arxiv-2303.15343").driver();
        String subtitle = d.findElement(By.cssSelector("p.subtitle")).getText();
        assertTrue(subtitle.contains("ICCV") && subtitle.contains("2023"), subtitle);
        assertEquals("ICCV", meta(d, "citation_journal_abbrev"));
        assertEquals("2023", meta(d, "citation_publication_date"));
        assertTrue(!meta(d, "citation_conference_title").isBlank());
        WebElement bibtex = d.findElement(By.id("bibtex"));
        d.findElement(By.id("cite-button")).click();
        browser.until(x -> bibtex.isDisplayed());
        String text = bibtex.getText();
        assertTrue(text.contains("ICCV") && text.contains("year = {2023}"), text);
        // the page says which version it shows
        String shown = d.findElement(By.cssSelector("p.shown-version")).getText();
        assertTrue(
                shown.contains("2024-01-15")
                        && shown.contains(repo.version("v8").short7()),
                shown);
        // the older version, by its day: SigLIP was an arXiv preprint then
        d = browser.get(server.url() + "/resource/paper/arxiv-2303.15343?version=2023-08-01")
                .driver();
        assertTrue(d.findElement(By.cssSelector("p.subtitle")).getText().contains("arXiv"));
        assertTrue(d.findElements(By.cssSelector("meta[name='citation_conference_title']"))
                .isEmpty());
    }

    /**
     * The scripts keep an older version: filtering /papers of v3 rewrites the address and the export links with
     * the filter and the version (papers.js reads the form's hidden version field).
     */
    @Test
    void filteringAnOlderVersionsPapersKeepsTheVersion() {
        String v3 = repo.version("v3").short7();
        WebDriver d = browser.get(server.url() + "/papers?version=" + v3).driver();
        d.findElement(By.id("filter-code")).click();
        browser.until(x -> x.getCurrentUrl().contains("code=yes"));
        String address = d.getCurrentUrl();
        assertTrue(address.contains("version=" + v3), address);
        List<String> exports = d.findElements(By.cssSelector(".formats a")).stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertTrue(!exports.isEmpty());
        for (String e : exports) assertTrue(e.contains("code=yes") && e.contains("version=" + v3), e);
    }
}
