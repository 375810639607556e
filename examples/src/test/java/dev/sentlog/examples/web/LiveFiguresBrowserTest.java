package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.totals.Figure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live figures in a real browser (SPEC E4, W2): an In-Progress message's page, left open, shows
 * its Delivery Summary and status move as the log applies provider reports, without a reload (a
 * marker the test puts on the page stays). A server and a browser of its own, so that no other
 * test's open pages count against the session's streams.
 */
class LiveFiguresBrowserTest {

    @TempDir
    static Path downloads;

    private static final Caller ADMIN = DemoUser.ADMINISTRATOR.caller();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static WebFixture site;
    private static Browser browser;

    @BeforeAll
    static void start() {
        site = WebFixture.start(4000, false);
        browser = Browser.start(site.base(), downloads);
        browser.signIn(DemoUser.ADMINISTRATOR);
    }

    @AfterAll
    static void stop() {
        WebFixture.closeAll(browser, site);
    }

    /** The shown figures and status as the core's {@code select} gives them. */
    private static Map<String, String> expected(MessageView view) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("status", view.row().status().label());
        for (Figure f : MessagePage.shownFigures(view.summary())) {
            shown.put("figure-" + f.name(), Integer.toString(view.summary().figure(f)));
        }
        shown.put("summary-start", site.shownStart(view));
        shown.put("summary-duration", MessagePage.duration(view.summary()));
        return shown;
    }

    /** The same values as the page shows them now. */
    private static Map<String, String> onPage(Map<String, String> ids) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String id : ids.keySet()) {
            shown.put(id, (String) browser.driver.executeScript(
                    "var e = document.getElementById(arguments[0]); return e === null ? null : e.textContent;", id));
        }
        return shown;
    }

    private static String marker() {
        return (String) browser.driver.executeScript("return document.body.getAttribute('data-no-reload');");
    }

    private static void awaitPageShows(MessageView view) {
        Map<String, String> want = expected(view);
        new WebDriverWait(browser.driver, PATIENCE).withMessage(() -> "the page shows " + want + ", not " + onPage(want))
                .until(d -> onPage(want).equals(want));
    }

    @Test
    @DisplayName("E4 W2 an In-Progress message's page shows its figures and status move as reports arrive, with no"
            + " reload, until the final status; the figures region is aria-live and the page stays accessible")
    void figuresMoveWithoutReload() {
        String id = site.recordInProgress("m-7101");
        browser.open("/messages/" + id + "?log=admin");
        MessageView atLoad = site.log.select(ADMIN, id);
        assertThat(onPage(expected(atLoad))).as("the figures as loaded").isEqualTo(expected(atLoad));
        assertThat(browser.find(By.id("summary-region")).getAttribute("aria-live")).isEqualTo("polite");
        browser.driver.executeScript("document.body.setAttribute('data-no-reload', 'kept');");

        // a minute on, the provider has attempted and reached some devices: the log applies its reports
        site.clock.advance(Duration.ofMinutes(1));
        MessageView moving = site.log.refresh(ADMIN, id);
        assertThat(moving.row().status().isFinal()).isFalse();
        assertThat(expected(moving)).as("the reports change what the page should show").isNotEqualTo(expected(atLoad));
        awaitPageShows(moving);
        assertThat(marker()).as("the page was not reloaded").isEqualTo("kept");
        browser.screenshot("live-message");

        MessageView done = site.deliverUntilFinal(ADMIN, id);
        awaitPageShows(done);
        assertThat(marker()).as("the page was not reloaded").isEqualTo("kept");
        browser.assertAccessible("the live message page");
    }
}
