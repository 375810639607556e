package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.log.LogKind;
import dev.sentlog.examples.demo.DistrictDemo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The demo sign-in's users in a real browser (SPEC W3, T1-T4): each sees exactly the messages and
 * actions their rights allow, and a message outside their scope is the same 404 as a missing one.
 * One server and one browser for the class.
 */
class DemoUsersBrowserTest {

    @TempDir
    static Path downloads;

    private static WebFixture site;
    private static Browser browser;

    @BeforeAll
    static void start() {
        site = WebFixture.start(4000, false);
        browser = Browser.start(site.base(), downloads);
    }

    @AfterAll
    static void stop() {
        WebFixture.closeAll(browser, site);
    }

    @AfterEach
    void signOut() {
        if (!browser.driver.findElements(By.cssSelector("form.signout button")).isEmpty()) {
            browser.signOut();
        }
    }

    private static Set<String> shownIn(LogKind log) {
        browser.open("/search?from=" + DistrictDemo.demoDay() + "&to=" + DistrictDemo.demoDay() + "&log="
                + Request.logParam(log));
        return new TreeSet<>(browser.gridIds());
    }

    private static List<String> logsOffered() {
        return browser.driver.findElements(By.cssSelector("input[name=log]")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    @Test
    @DisplayName("W3 T1 T2 the district administrator sees every message of the district and may cancel")
    void administrator() {
        browser.signIn(DemoUser.ADMINISTRATOR);

        assertThat(shownIn(LogKind.ADMINISTRATION)).isEqualTo(site.idsFor(DemoUser.ADMINISTRATOR.caller()))
                .containsExactlyInAnyOrder("m-2001", "m-2002", "m-2003", "m-2004", "m-3001", "m-3002");
        assertThat(logsOffered()).containsExactly("admin", "own");
        assertThat(shownIn(LogKind.OWN)).as("T1: the own log holds only what the user sent")
                .containsExactlyInAnyOrder("m-2001", "m-2002", "m-2004");
        browser.open("/messages/" + WebDistrict.LINCOLN_WAITING_ID + "?log=admin");
        assertThat(browser.driver.findElements(By.id("cancel"))).hasSize(1);
    }

    @Test
    @DisplayName("W3 T3 T4 the secretary limited to Lincoln Middle sees only its messages; another school's is a 404"
            + " exactly like a missing one")
    void secretaryOfOneSchool() {
        browser.signIn(DemoUser.SECRETARY);

        assertThat(shownIn(LogKind.ADMINISTRATION)).isEqualTo(site.idsFor(DemoUser.SECRETARY.caller()))
                .containsExactlyInAnyOrder(WebDistrict.LINCOLN_SENT_ID, WebDistrict.LINCOLN_WAITING_ID);
        browser.open("/messages/" + WebDistrict.LINCOLN_WAITING_ID + "?log=admin");
        assertThat(browser.driver.findElements(By.id("cancel"))).as("T2: the secretary may cancel in her school")
                .hasSize(1);

        browser.open("/messages/" + DistrictDemo.MAIN_ID + "?log=admin");
        String outOfScope = browser.driver.getPageSource();
        assertThat(browser.heading()).isEqualTo("Not found");
        browser.open("/messages/m-0000?log=admin");
        String missing = browser.driver.getPageSource();
        assertThat(outOfScope).isEqualTo(missing);
        browser.open("/messages/" + DistrictDemo.MAIN_ID + "/figures/TOTAL_RECIPIENTS?log=admin");
        assertThat(browser.heading()).isEqualTo("Not found");
        browser.open("/messages/" + DistrictDemo.MAIN_ID + "/report?log=admin&devices=EMAIL&detail=ALL&format=CSV");
        assertThat(browser.heading()).as("T3: nor printed").isEqualTo("Not found");
    }

    @Test
    @DisplayName("W3 T1 T2 the teacher sees only their own log, only their message, and has no Cancel")
    void teacherWithOwnLogOnly() {
        browser.signIn(DemoUser.TEACHER);

        assertThat(logsOffered()).containsExactly("own");
        assertThat(shownIn(LogKind.OWN)).isEqualTo(site.idsFor(DemoUser.TEACHER.caller()))
                .containsExactly(DistrictDemo.CLASS_ID);
        browser.open("/search?log=admin");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Read right of the administration Sent Message Log");
        browser.open("/messages/" + DistrictDemo.CLASS_ID + "?log=own");
        assertThat(browser.driver.findElements(By.id("cancel"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("refresh"))).as("T2: reading allows Refresh").hasSize(1);
        browser.open("/messages/" + DistrictDemo.MAIN_ID + "?log=own");
        assertThat(browser.heading()).isEqualTo("Not found");
    }

    @Test
    @DisplayName("W3 the sign-in, the search and a message are reachable with the keyboard alone, focus visible")
    void keyboardOnly() {
        browser.open("/sign-in");
        Actions keys = new Actions(browser.driver);
        // skip link, the first radio (administrator); arrows move within the group; Tab on to the button
        keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("user-teacher");
        assertThat(focused.getCssValue("outline-style")).as("the focus is visible").isEqualTo("solid");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Sign in");
        browser.pressAndLoad(Keys.ENTER);

        assertThat(browser.find(By.className("who")).getText()).contains("Teacher, Maria");
        browser.open("/search?from=" + DistrictDemo.demoDay() + "&to=" + DistrictDemo.demoDay());
        WebElement link = browser.find(By.linkText("Field trip forms are due Friday"));
        for (int i = 0; i < 40 && !link.equals(browser.driver.switchTo().activeElement()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.driver.switchTo().activeElement()).as("the message link is reached by Tab").isEqualTo(link);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.heading()).isEqualTo("Field trip forms are due Friday");
    }
}
