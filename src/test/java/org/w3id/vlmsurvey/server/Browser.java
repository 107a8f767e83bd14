package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Test helper: a real headless Chromium (Debian's chromium and chromedriver, installed by
 * {@code .ci/install-browser.sh}) driven by Selenium, with everything that would reach another host on its own
 * (component updates, sync, safe browsing, ...) turned off. {@link #open()} skips the test when the browser is
 * absent outside CI; under {@code CI=true} a missing browser fails it.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** Skips (or, under CI, fails) the calling test when chromium or chromedriver is missing. */
    public static void assumePresent() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!"true".equals(System.getenv("CI")))
            assumeTrue(present, "chromium and chromedriver are not installed (run .ci/install-browser.sh)");
        assertTrue(present, "CI: chromium and chromedriver must be installed by .ci/install-browser.sh");
    }

    /** The options {@link #open()} uses; add to them and pass them to {@link #open(ChromeOptions)}. */
    public static ChromeOptions options() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-sync",
                "--disable-client-side-phishing-detection",
                "--disable-domain-reliability",
                "--metrics-recording-only",
                "--safebrowsing-disable-auto-update",
                "--window-size=1400,1000");
        return options;
    }

    public static Browser open() {
        return open(options());
    }

    public static Browser open(ChromeOptions options) {
        assumePresent();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the page has loaded. */
    public Browser get(String url) {
        driver.get(url);
        until(d -> "complete".equals(script("return document.readyState")));
        return this;
    }

    /** Waits (at most {@link #WAIT}) until {@code condition} is true or non-null, and returns its value. */
    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** Runs JavaScript in the page ({@code arguments[i]} are {@code args}) and returns its value. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
