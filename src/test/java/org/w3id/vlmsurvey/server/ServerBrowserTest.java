package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.w3id.vlmsurvey.graph.SurveyGraph;
import org.w3id.vlmsurvey.server.web.WebPageServlet;

/**
 * The query page in a real headless browser (Debian's chromium and chromedriver, installed by
 * {@code .ci/install-browser.sh}, driven by {@link Browser}): it loads offline, shows the example queries, runs one and shows result rows.
 * Skipped only when the browser is absent outside CI; under {@code CI=true} a missing browser fails.
 */
@Tag("slow") // excluded by -Pfast
class ServerBrowserTest {
    @Test
    void runsAQueryAndShowsResultRows() {
        Browser.assumePresent();
        try (SurveyServer server = SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.resolve(null))
                        .port(0)
                        .build());
                Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(server.url() + "/sparql");
            browser.until(d -> d.findElement(By.tagName("body")).getAttribute("data-examples") != null);
            int examples =
                    Integer.parseInt(driver.findElement(By.tagName("body")).getAttribute("data-examples"));
            assertEquals(WebPageServlet.examples().size(), examples);
            assertEquals(
                    examples,
                    driver.findElements(By.cssSelector("#examples option")).size());

            // A query of known answer: the 41 papers of the survey, one row each.
            String query = "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\n"
                    + "SELECT ?paper WHERE { ?paper a vlm:Paper } ORDER BY ?paper";
            browser.script("window.surveyYasgui.getTab().setQuery(arguments[0]);", query);
            driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
            // survey IRIs show as links to this server's Linked Data page, labelled (CLIP's paper here)
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".yasr a[href$='/resource/paper/arxiv-2103.00020']")));
            List<WebElement> rows = driver.findElements(By.cssSelector(".yasr table tbody tr"));
            assertFalse(rows.isEmpty(), "no result rows");
            String text = driver.findElement(By.cssSelector(".yasr")).getText();
            assertTrue(text.contains("41"), "result count shown: " + text.substring(0, Math.min(300, text.length())));
        }
    }
}
