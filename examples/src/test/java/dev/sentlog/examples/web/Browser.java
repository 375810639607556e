package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver: both named explicitly, so Selenium
 * Manager never downloads anything. A missing browser fails the test class (never a skip).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final URI base;

    private Browser(ChromeDriver driver, Path downloads, URI base) {
        this.driver = driver;
        this.downloads = downloads;
        this.base = base;
    }

    /** Starts the browser for a site; downloads go to the given directory. */
    static Browser start(URI base, Path downloads) {
        assertThat(CHROMIUM).as("the browser the tests drive (Debian package chromium; .ci/run installs it)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("the browser's driver (Debian package chromium-driver; .ci/run installs it)")
                .isExecutable();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--disable-gpu");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, downloads, base);
    }

    /** Opens a page of the site. */
    void open(String pathAndQuery) {
        driver.get(base.resolve(pathAndQuery).toString());
    }

    /**
     * Clicks something that loads another page (a link, a form's button) and waits until the new page
     * has replaced the old one and finished loading.
     */
    void clickAndLoad(By by) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        awaitNewPage(old);
    }

    private void awaitNewPage(WebElement old) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> replaced(old));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether a page's element is gone with its page. During the navigation Chromium may answer
     * "does not belong to the document" instead of a stale reference; that, too, means the old page
     * is gone (the next poll would see the stale reference).
     */
    private static boolean replaced(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Presses a key that loads another page (Enter on a link or button) and waits for it. */
    void pressAndLoad(CharSequence key) {
        WebElement old = driver.findElement(By.tagName("html"));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
        awaitNewPage(old);
    }

    /** Signs in through the sign-in page as a demo user. */
    void signIn(DemoUser user) {
        open("/sign-in");
        driver.findElement(By.id("user-" + user.key())).click();
        clickAndLoad(By.cssSelector("form[action='/sign-in'] button[type=submit]"));
        assertThat(driver.findElement(By.className("who")).getText()).contains(user.caller().displayName());
    }

    /** Signs out with the header's button. */
    void signOut() {
        clickAndLoad(By.cssSelector("form.signout button"));
    }

    /** The message ids of the grid's rows, in order. */
    List<String> gridIds() {
        return driver.findElements(By.cssSelector("#grid tbody tr[data-id]")).stream()
                .map(tr -> tr.getAttribute("data-id")).collect(Collectors.toList());
    }

    /** The page's title heading. */
    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Runs axe-core on the page and fails naming every violation. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("axe-core violations on %s: %s", page, violations.stream()
                .map(v -> v.getId() + " (" + v.getHelp() + ") at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran its rules on %s", page).isNotEmpty();
    }

    /** Fails when hostile data became markup (W4): an element it names, any script, or an open alert. */
    void assertNothingInjected() {
        assertThat(driver.findElements(By.cssSelector("img, i, b"))).isEmpty();
        // the only script a page may hold is the site's live figures file, by its src (E4); never one inline
        for (WebElement script : driver.findElements(By.tagName("script"))) {
            assertThat(script.getAttribute("src")).isEqualTo(base.resolve(StaticFiles.LIVE_SCRIPT).toString());
            assertThat(script.getAttribute("innerHTML")).isEmpty();
        }
        boolean alert;
        try {
            driver.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).as("an alert was opened").isFalse();
    }

    /** Saves a screenshot of the page under target/screenshots. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
