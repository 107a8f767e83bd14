package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Every reader page on a phone: headless Chromium with a viewport 390 px wide (an iPhone 12-15), where no page may
 * be wider than the screen (no sideways scrolling), and the papers table shows one stacked block per paper.
 */
@Tag("slow")
class PhoneBrowserTest {
    static final int WIDTH = 390;
    static SurveyServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumePresent();
        server = BundledServer.get();
        ChromeOptions options = Browser.options();
        // a window cannot be narrower than about 500 px: the page is laid out as on the phone instead
        options.setExperimentalOption(
                "mobileEmulation",
                java.util.Map.of("deviceMetrics", java.util.Map.of("width", WIDTH, "height", 844, "pixelRatio", 3.0)));
        browser = Browser.open(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    static long number(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void everyReaderPageFitsThePhoneWithoutSidewaysScrolling() {
        List<String> tooWide = new ArrayList<>();
        for (String page : FrontDoorBrowserTest.everyKindUrls(server)) {
            browser.get(page);
            if (page.equals(server.url() + "/charts"))
                browser.until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
            long viewport = number(browser.script("return document.documentElement.clientWidth;"));
            assertTrue(viewport <= WIDTH && viewport > 300, page + ": the viewport is " + viewport + " px");
            long width = number(browser.script(
                    "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);"));
            if (width > viewport) {
                Object widest = browser.script(
                        "let w = null; for (const e of document.querySelectorAll('body *')) {"
                                + " const r = e.getBoundingClientRect(); if (r.right > arguments[0] + 1"
                                + " && !e.closest('table[style], .CodeMirror, .yasr')"
                                + " && (w === null || r.right > w.r)) w = { r: r.right, e: e.tagName + '.' + e.className }; }"
                                + " return w === null ? '' : w.e + ' ' + w.r;",
                        viewport);
                tooWide.add(page + ": " + width + " px wide (" + widest + ")");
            }
        }
        assertEquals(List.of(), tooWide);
    }

    @Test
    void thePapersTableIsOneStackedBlockPerPaper() {
        browser.get(server.url() + "/papers");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#papers tbody tr"));
        assertEquals(41, rows.size());
        WebElement first = rows.get(0);
        assertEquals("block", first.getCssValue("display"), "a row is a block, not a table row");
        List<WebElement> cells = first.findElements(By.tagName("td"));
        // the cells are stacked: each starts below the one before
        for (int i = 1; i < cells.size(); i++)
            assertTrue(
                    cells.get(i).getLocation().getY()
                            > cells.get(i - 1).getLocation().getY(),
                    "cell " + i + " is below cell " + (i - 1));
        assertEquals("Venue", cells.get(2).getAttribute("data-label"));
        assertEquals(
                "\"Venue: \"",
                browser.script("return getComputedStyle(arguments[0], '::before').content;", cells.get(2)),
                "each value is labelled");
    }
}
