package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The browse and paper pages in a real headless Chromium ({@link Browser}): the papers table filters and sorts
 * without a reload, and a paper page's Cite button shows its BibTeX.
 */
@Tag("slow")
class PagesBrowserTest {
    static SurveyServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumePresent();
        server = BundledServer.get();
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    static List<String> visibleNames(WebDriver d) {
        return d.findElements(By.cssSelector("#papers tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .map(r -> r.getAttribute("data-name"))
                .toList();
    }

    @Test
    void papersFilterWithoutReload() {
        WebDriver d = browser.get(server.url() + "/papers").driver();
        assertEquals(41, visibleNames(d).size());
        browser.script("window.__sameDocument = true;");
        new Select(d.findElement(By.id("filter-category"))).selectByValue("transfer-with-text-prompt-tuning");
        assertEquals(11, visibleNames(d).size(), "the 11 text prompt tuning papers");
        d.findElement(By.id("filter-code")).click();
        assertEquals(
                PagesTest.TEXT_PROMPT_TUNING_WITH_CODE, visibleNames(d), "less ProDA and Bayesian Prompt Learning");
        assertEquals(
                "Showing 9 of 41 papers", d.findElement(By.id("paper-count")).getText());
        assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "no reload");
        assertTrue(
                d.getCurrentUrl().endsWith("/papers?category=transfer-with-text-prompt-tuning&code=yes"),
                d.getCurrentUrl());

        // Sorting by title (which starts with the short name), then the reverse; the URL keeps the sort.
        d.findElement(By.cssSelector("#papers thead th:nth-child(1) button")).click();
        assertEquals(
                List.of("CoCoOp", "CoOp", "CPL", "DualCoOp", "LASP", "PLOT", "ProGrad", "SubPT", "TaI-DPT"),
                visibleNames(d));
        d.findElement(By.cssSelector("#papers thead th:nth-child(1) button")).click();
        assertEquals(
                "descending",
                d.findElement(By.cssSelector("#papers thead th:nth-child(1)")).getAttribute("aria-sort"));
        assertEquals("TaI-DPT", visibleNames(d).get(0));
        assertTrue(
                d.getCurrentUrl().endsWith("/papers?category=transfer-with-text-prompt-tuning&code=yes&sort=-title"),
                d.getCurrentUrl());

        // Venue and year narrow further; "All" restores everything.
        new Select(d.findElement(By.id("filter-venue"))).selectByValue("CVPR");
        assertEquals(
                List.of("LASP", "CoCoOp"),
                visibleNames(d).stream()
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());
        new Select(d.findElement(By.id("filter-year"))).selectByValue("2023");
        assertEquals(List.of("LASP"), visibleNames(d));
        new Select(d.findElement(By.id("filter-category"))).selectByValue("");
        new Select(d.findElement(By.id("filter-venue"))).selectByValue("");
        new Select(d.findElement(By.id("filter-year"))).selectByValue("");
        d.findElement(By.id("filter-code")).click();
        assertEquals(41, visibleNames(d).size());
        assertTrue(d.getCurrentUrl().endsWith("/papers?sort=-title"), d.getCurrentUrl());
    }

    @Test
    void aSortedLinkOpensSorted() {
        WebDriver d = browser.get(
                        server.url() + "/papers?category=transfer-with-text-prompt-tuning&code=yes&sort=-title")
                .driver();
        assertEquals(
                List.of("TaI-DPT", "SubPT", "ProGrad", "PLOT", "LASP", "DualCoOp", "CPL", "CoOp", "CoCoOp"),
                visibleNames(d));
        assertEquals(
                "descending",
                d.findElement(By.cssSelector("#papers thead th:nth-child(1)")).getAttribute("aria-sort"));
        d.findElement(By.cssSelector("#papers thead th:nth-child(4) button")).click();
        assertTrue(d.getCurrentUrl().endsWith("&sort=year"), d.getCurrentUrl());
        assertEquals(
                "2022",
                browser.script(
                        "return document.querySelector('#papers tbody tr:not([hidden]) td:nth-child(4)').textContent"));
    }

    @Test
    void filteredLinkOpensFiltered() {
        WebDriver d = browser.get(server.url() + "/papers?category=transfer-with-text-prompt-tuning&code=yes")
                .driver();
        assertEquals(PagesTest.TEXT_PROMPT_TUNING_WITH_CODE, visibleNames(d));
        assertTrue(d.findElement(By.id("filter-code")).isSelected());
    }

    @Test
    void citeButtonShowsBibTeX() {
        WebDriver d =
                browser.get(server.url() + "/resource/paper/arxiv-2109.01134").driver();
        WebElement bibtex = d.findElement(By.id("bibtex"));
        assertFalse(bibtex.isDisplayed());
        WebElement cite = d.findElement(By.id("cite-button"));
        assertEquals("Cite", cite.getText());
        cite.click();
        browser.until(x -> bibtex.isDisplayed());
        assertEquals("true", cite.getAttribute("aria-expanded"));
        assertTrue(d.getCurrentUrl().endsWith("/resource/paper/arxiv-2109.01134"), "stays on the page");
        String text = bibtex.getText();
        assertTrue(text.startsWith("@article{coop2022,"), text);
        assertTrue(text.contains("title = {{CoOp}: Learning to Prompt for"), "acronyms kept in braces: " + text);
        assertEquals(
                org.w3id.vlmsurvey.export.BibTeXTest.parse(text + "\n")
                        .getEntries()
                        .size(),
                1);
    }
}
