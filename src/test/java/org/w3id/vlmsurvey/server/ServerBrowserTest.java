package org.w3id.vlmsurvey.server;

import org.w3id.vlmsurvey.server.web.WebPageServlet;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * The query page in a real headless browser (Debian's chromium and chromedriver, installed by
 * {@code .ci/install-browser.sh}): it loads offline, shows the example queries, runs one and shows result rows.
 * Skipped only when the browser is absent outside CI; under {@code CI=true} a missing browser fails.
 */
@Tag("slow") // excluded by -Pfast
class ServerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void runsAQueryAndShowsResultRows() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!"true".equals(System.getenv("CI")))
            assumeTrue(present, "chromium and chromedriver are not installed (run .ci/install-browser.sh)");
        assertTrue(present, "CI: chromium and chromedriver must be installed by .ci/install-browser.sh");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try (SurveyServer server = SurveyServer.start(ServerOptions.defaults(SurveyGraph.Source.resolve(null)).withPort(0))) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                driver.get(server.url() + "/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-examples") != null);
                int examples = Integer.parseInt(driver.findElement(By.tagName("body")).getAttribute("data-examples"));
                assertEquals(WebPageServlet.examples().size(), examples);
                assertEquals(examples, driver.findElements(By.cssSelector("#examples option")).size());

                // A query of known answer: the 41 papers of the survey, one row each.
                String query = "PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>\n"
                        + "SELECT ?paper WHERE { ?paper a vlm:Paper } ORDER BY ?paper";
                ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("window.surveyYasgui.getTab().setQuery(arguments[0]);", query);
                driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".yasr"),
                        "https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020"));
                List<WebElement> rows = driver.findElements(By.cssSelector(".yasr table tbody tr"));
                assertFalse(rows.isEmpty(), "no result rows");
                String text = driver.findElement(By.cssSelector(".yasr")).getText();
                assertTrue(text.contains("41"), "result count shown: " + text.substring(0, Math.min(300, text.length())));
            } finally {
                driver.quit();
            }
        }
    }
}
