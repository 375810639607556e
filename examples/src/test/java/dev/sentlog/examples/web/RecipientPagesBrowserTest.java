package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.LogKind;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.core.reach.SchoolReach;
import dev.sentlog.core.reach.UnreachedStudent;
import dev.sentlog.core.recipients.RecipientDevice;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogRow;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.search.DateText;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.report.reach.HouseholdReachCsv;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages about people in a real browser (SPEC W2, H1-H4, Y1-Y4): the Recipient Log, the contacts to
 * fix, household reach with its CSV, and resend with its preview, each checked against the library's
 * own answer on the demo district, with axe-core, for each demo user (W3, H2, Y3) and with hostile
 * names (W4). One server and one browser for the class. The demo gets one more message: one to an
 * email that bounces every time, with hostile names, {@value #HOSTILE_FAILED_ID}.
 */
class RecipientPagesBrowserTest {

    /** A Harrison High message whose one email bounced, whose person and student carry hostile names. */
    static final String HOSTILE_FAILED_ID = "m-9002";
    static final String HOSTILE_PERSON = "p-x2";
    static final String HOSTILE_STUDENT = "<b>Bold</b> Student";

    @TempDir
    static Path downloads;

    private static WebFixture site;
    private static Browser browser;
    private static final Caller ADMIN = DemoUser.ADMINISTRATOR.caller();
    private static final LocalDate TODAY = DistrictDemo.demoDay();
    private static final LocalDate WEEK_START = TODAY.minusDays(PageParts.DEFAULT_DAYS - 1L);

    @BeforeAll
    static void start() {
        site = WebFixture.start(4000, false);
        recordHostileFailure(site);
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

    /**
     * Records {@value #HOSTILE_FAILED_ID} to an email address that bounces every time (one the contacts to
     * fix list) and delivers it, so it ends Sent with its device failed: a resendable message whose student nobody reached.
     */
    static void recordHostileFailure(WebFixture site) {
        ContactToFix bouncing = site.log.contacts(ADMIN).toFix().stream().filter(c -> c.channel() == Channel.EMAIL)
                .findFirst().orElseThrow(() -> new AssertionError("the demo week has an email that bounces"));
        Person parent = Person.of(HOSTILE_PERSON, WebFixture.HOSTILE_NAME);
        Person student = Person.of("s-x2", HOSTILE_STUDENT);
        site.log.record(Message.builder()
                .id(HOSTILE_FAILED_ID)
                .messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER)
                .districtOrSchool("Harrison High")
                .subject(WebFixture.HOSTILE_SUBJECT)
                .sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(site.clock.instant())
                .deliveryModes(Channel.EMAIL)
                .body("<script>alert(4)</script>")
                .recipients(List.of(RecipientEntry.of(parent, student, List.of(
                        Device.of(Channel.EMAIL, bouncing.address(), DeviceStatus.PENDING)))))
                .build());
        for (int i = 0; i < 20 && site.log.select(ADMIN, HOSTILE_FAILED_ID).row().status() != MessageStatus.SENT; i++) {
            site.clock.advance(Duration.ofMinutes(1));
            site.log.refresh(ADMIN, HOSTILE_FAILED_ID);
        }
        Message delivered = site.log.printable(ADMIN, HOSTILE_FAILED_ID);
        assertThat(delivered.status()).isEqualTo(MessageStatus.SENT);
        assertThat(delivered.recipients().get(0).devices().get(0).outcome()).as("the bounce")
                .isEqualTo(DeviceOutcome.of(DeviceStatus.FAILED));
    }

    private static List<String> navigation() {
        return browser.driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }

    private static List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String shown(java.time.Instant t) {
        return DateText.format(t, site.log.zone());
    }

    @Test
    @DisplayName("W2 H1 the Recipient Log of a person, asked through the form, shows the library's rows newest first:"
            + " message, devices with outcome and time, reached; axe-core finds nothing")
    void recipientLogOfAPerson() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        String person = site.log.printable(ADMIN, DistrictDemo.MAIN_ID).recipients().get(0).person().id();
        RecipientLog expected = site.log.recipientLog(ADMIN, RecipientQuery.person(person, WEEK_START, TODAY));
        assertThat(expected.rows()).as("the demo week sent the first family several messages").hasSizeGreaterThan(2);

        browser.clickAndLoad(By.id("nav-recipients"));
        assertThat(browser.heading()).isEqualTo("Recipient Log");
        browser.find(By.id("person")).sendKeys(person);
        browser.clickAndLoad(By.id("show"));

        assertRowsShown(expected);
        assertThat(browser.find(By.id("recipient-count")).getText()).startsWith(expected.totalMatched() + " message(s)");
        browser.screenshot("recipient-log");
        browser.assertAccessible("the Recipient Log");
    }

    /** The page's rows are the library's: ids in order, reached, each device with its outcome and time. */
    private static void assertRowsShown(RecipientLog expected) {
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#recipient-rows tbody tr"));
        assertThat(rows.stream().map(r -> r.getAttribute("data-id")).toList())
                .isEqualTo(expected.rows().stream().map(RecipientLogRow::messageId).toList());
        for (int i = 0; i < rows.size(); i++) {
            RecipientLogRow row = expected.rows().get(i);
            WebElement tr = rows.get(i);
            assertThat(tr.findElement(By.className("reached")).getText()).as(row.messageId())
                    .isEqualTo(row.reached() ? "yes" : "no");
            assertThat(tr.getText()).as(row.messageId()).contains(row.subject(), row.messageType(), row.sender().name(),
                    row.status().label(), shown(row.createdAt()));
            List<WebElement> devices = tr.findElements(By.cssSelector("li.device"));
            assertThat(devices).as("the devices of %s", row.messageId()).hasSameSizeAs(row.devices());
            for (int d = 0; d < devices.size(); d++) {
                RecipientDevice device = row.devices().get(d);
                String line = devices.get(d).getText();
                assertThat(line).contains(device.person().name(), device.channel().label() + ": " + device.address(),
                        device.outcome().display());
                device.time().ifPresent(t -> assertThat(line).contains(shown(t)));
                device.engagement().ifPresent(en -> assertThat(line).as("H5 beside the outcome")
                        .contains(en.describe(RecipientPagesBrowserTest::shown)));
                assertThat(line.contains("duplicate")).as("the duplicate mark of %s", line).isEqualTo(device.duplicate());
            }
            assertThat(tr.findElement(By.linkText(row.subject())).getAttribute("href")).as("the message links to its page")
                    .endsWith(MessagePage.link(row.messageId(), LogKind.ADMINISTRATION));
        }
    }

    @Test
    @DisplayName("W2 H1 D3 the Recipient Log of a shared address shows each person's occurrence, the duplicate with the"
            + " outcome it shares")
    void recipientLogOfASharedAddress() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        RecipientLog shared = null;
        Device address = null;
        for (RecipientEntry e : site.log.printable(ADMIN, DistrictDemo.MAIN_ID).recipients()) {
            for (Device d : e.devices()) {
                RecipientLog log = site.log.recipientLog(ADMIN, RecipientQuery.address(d.channel(), d.address(), WEEK_START,
                        TODAY));
                if (shared == null && log.rows().stream().anyMatch(r -> r.devices().stream()
                        .anyMatch(RecipientDevice::duplicate))) {
                    shared = log;
                    address = d;
                }
            }
        }
        assertThat(shared).as("the demo district shares an address between entries (D3)").isNotNull();

        browser.open("/recipients?address=" + Pages.url(address.address()) + "&channel=" + address.channel().name());
        assertRowsShown(shared);
        assertThat(texts("li.device .dup")).isNotEmpty().allMatch(t -> t.equals("duplicate: the outcome it shares"));
        browser.screenshot("recipient-log-address");
    }

    @Test
    @DisplayName("W2 H3 contacts to fix show the library's list with evidence, persons, schools and failing since, and"
            + " the do not contact list apart; axe-core finds nothing")
    void contactsToFix() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        ContactLists expected = site.log.contacts(ADMIN);
        assertThat(expected.toFix()).as("the demo week's wrong numbers and bounces").isNotEmpty();
        assertThat(expected.doNotContact()).as("the demo week's opt-out and Do Not Call").isNotEmpty();

        browser.clickAndLoad(By.id("nav-contacts"));
        browser.screenshot("contacts");
        assertThat(texts("#to-fix tbody th.address")).isEqualTo(expected.toFix().stream()
                .map(c -> c.channel().label() + ": " + c.address()).toList());
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#to-fix tbody tr"));
        for (int i = 0; i < rows.size(); i++) {
            ContactToFix c = expected.toFix().get(i);
            WebElement tr = rows.get(i);
            assertThat(tr.findElement(By.className("since")).getText()).isEqualTo(shown(c.since()));
            assertThat(tr.getText()).contains(String.join(", ", c.persons()), String.join(", ", c.schools()));
            assertThat(tr.findElements(By.cssSelector("li.evidence")).stream().map(WebElement::getText).toList())
                    .isEqualTo(c.evidence().stream().map(e -> e.messageId() + " \u00b7 " + e.describe() + " \u00b7 "
                            + shown(e.at())).toList());
        }
        assertThat(texts("#do-not-contact tbody th.address")).isEqualTo(expected.doNotContact().stream()
                .map(c -> c.channel().label() + ": " + c.address()).toList());
        List<WebElement> dnc = browser.driver.findElements(By.cssSelector("#do-not-contact tbody tr"));
        for (int i = 0; i < dnc.size(); i++) {
            DoNotContact c = expected.doNotContact().get(i);
            assertThat(dnc.get(i).findElements(By.cssSelector("li.evidence"))).hasSameSizeAs(c.evidence());
            assertThat(dnc.get(i).findElements(By.className("since"))).as("no failing since: not an error").isEmpty();
        }
        browser.driver.executeScript("document.getElementById('dnc-h').scrollIntoView()");
        browser.screenshot("contacts-do-not-contact");
        browser.assertAccessible("the contacts to fix");
    }

    @Test
    @DisplayName("W2 H4 household reach shows the library's unreached students by school with persons and devices, and"
            + " its CSV downloads with exactly the report module's bytes; axe-core finds nothing")
    void householdReach() throws IOException {
        browser.signIn(DemoUser.ADMINISTRATOR);
        HouseholdReach expected = site.log.householdReach(ADMIN, ReachQuery.messengerMessages(WEEK_START, TODAY));
        assertThat(expected.unreachedCount()).as("the demo week's household nobody reaches").isPositive();

        browser.clickAndLoad(By.id("nav-reach"));
        assertThat(texts("main section h2")).isEqualTo(expected.schools().stream().map(SchoolReach::school).toList());
        List<String> students = browser.driver.findElements(By.cssSelector("tr.student")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(students).isEqualTo(expected.schools().stream().flatMap(s -> s.students().stream())
                .map(s -> s.student().id()).toList());
        for (SchoolReach school : expected.schools()) {
            for (UnreachedStudent s : school.students()) {
                WebElement tr = browser.find(By.cssSelector("tr.student[data-id='" + s.student().id() + "']"));
                assertThat(tr.findElements(By.cssSelector("li.contact"))).hasSameSizeAs(s.contacts());
                s.contacts().forEach(c -> c.devices().forEach(d -> assertThat(tr.getText())
                        .contains(c.person().name(), d.channel().label() + ": " + d.address(), d.outcome().display())));
            }
        }
        assertThat(browser.find(By.id("reach-count")).getText()).startsWith(expected.unreachedCount() + " of "
                + expected.studentsConsidered() + " student(s)");
        browser.screenshot("household-reach");
        browser.assertAccessible("household reach");

        browser.find(By.id("reach-csv")).click();
        Path file = downloads.resolve(HouseholdReachDownload.fileName(new PageParts.Days(WEEK_START, TODAY)));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file)
                && !Files.exists(Path.of(file + ".crdownload")));
        ByteArrayOutputStream library = new ByteArrayOutputStream();
        HouseholdReachCsv.write(expected, library);
        assertThat(Files.readAllBytes(file)).isEqualTo(library.toByteArray());
    }

    @Test
    @DisplayName("W2 Y1 Y2 Y4 resend through the preview: the page shows exactly who gets it on which device, Send resend"
            + " records exactly that, the resend names its original, the original lists it, and a second resend is"
            + " refused naming the first")
    void resendWithPreview() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        String original = DistrictDemo.MAIN_ID;
        browser.open(MessagePage.link(original, LogKind.ADMINISTRATION));
        browser.clickAndLoad(By.id("resend"));
        assertThat(browser.heading()).isEqualTo("Resend this message?");
        browser.find(By.id("audience-failed-devices")).click();
        browser.clickAndLoad(By.id("show-preview"));
        ResendPreview expected = site.log.previewResend(ADMIN, original, ResendAudience.FAILED_DEVICES);
        assertThat(expected.recipients()).as("the demo's main message has failed devices").isNotEmpty();

        List<String> shownPreview = previewShown();
        assertThat(shownPreview).isEqualTo(lines(expected.recipients()));
        browser.screenshot("resend-preview");
        browser.assertAccessible("the resend preview");

        browser.clickAndLoad(By.id("send-resend"));
        String resent = original + "-r1";
        assertThat(browser.driver.getCurrentUrl()).endsWith(MessagePage.link(resent, LogKind.ADMINISTRATION));
        Message sent = site.log.printable(ADMIN, resent);
        assertThat(lines(sent.recipients())).as("Y4: what was sent is what the page previewed").isEqualTo(shownPreview);
        assertThat(sent.subject()).isEqualTo(site.log.printable(ADMIN, original).subject());
        assertThat(browser.find(By.id("resend-of")).getText()).as("Y2: the resend names its original").isEqualTo(original);
        browser.screenshot("resent-message");

        browser.clickAndLoad(By.linkText(original));
        assertThat(browser.find(By.id("resends")).getText()).as("Y2: the original lists its resends").isEqualTo(resent);
        browser.clickAndLoad(By.id("resend"));
        assertThat(browser.heading()).isEqualTo("Cannot resend");
        assertThat(browser.find(By.id("refused")).getText()).contains("already resent as " + resent);
        assertThat(browser.find(By.cssSelector("a.earlier")).getText()).isEqualTo(resent);
        browser.screenshot("resend-refused");
        browser.assertAccessible("a refused resend");
    }

    /** The preview table as lines {@code person-id: Channel: address}, in order. */
    private static List<String> previewShown() {
        List<String> lines = new ArrayList<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#preview tr.entry"))) {
            for (WebElement li : tr.findElements(By.cssSelector("li.device"))) {
                lines.add(tr.getAttribute("data-person") + ": " + li.getText());
            }
        }
        return lines;
    }

    private static List<String> lines(List<RecipientEntry> entries) {
        return entries.stream().flatMap(e -> e.devices().stream()
                .map(d -> e.person().id() + ": " + d.channel().label() + ": " + d.address())).toList();
    }

    @Test
    @DisplayName("W2 Y2 a message not in a final status has no Resend, and its resend page shows the library's reason")
    void resendOfAWaitingMessageIsRefused() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        browser.open(MessagePage.link(WebDistrict.LINCOLN_WAITING_ID, LogKind.ADMINISTRATION));
        assertThat(browser.driver.findElements(By.id("resend"))).isEmpty();
        browser.open(ResendPage.link(WebDistrict.LINCOLN_WAITING_ID, LogKind.ADMINISTRATION));
        assertThat(browser.heading()).isEqualTo("Cannot resend");
        assertThat(browser.find(By.id("refused")).getText()).contains("is Waiting",
                "only a Sent, Failed, Error or Canceled IP message can be resent");
    }

    @Test
    @DisplayName("W3 H2 Y3 the administrator has every new page in the navigation")
    void administratorNavigation() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        assertThat(navigation()).containsExactly("Search", "Recipient Log", "Contacts to fix", "Household reach");
    }

    @Test
    @DisplayName("W3 H2 Y3 T4 the secretary of Lincoln Middle sees only her school on every new page: a Harrison High"
            + " person answers exactly like one with no messages, and she may resend her school's message")
    void secretaryOfOneSchool() {
        DemoUser secretary = DemoUser.SECRETARY;
        Caller caller = secretary.caller();
        browser.signIn(secretary);
        assertThat(navigation()).containsExactly("Search", "Recipient Log", "Contacts to fix", "Household reach");

        // the demo's lists number their persons alike, so the Harrison High person is the hostile one, only there
        String harrison = HOSTILE_PERSON;
        assertThat(site.log.recipientLog(ADMIN, RecipientQuery.person(harrison, WEEK_START, TODAY)).rows()).isNotEmpty();
        browser.open("/recipients?person=" + harrison);
        String hidden = browser.driver.getPageSource().replace(harrison, "ID");
        browser.open("/recipients?person=p-nobody");
        String nobody = browser.driver.getPageSource().replace("p-nobody", "ID");
        assertThat(hidden).as("H2 T4: a person out of scope answers as one with no messages").isEqualTo(nobody);
        assertThat(browser.find(By.id("recipient-count")).getText()).startsWith("0 message(s)");

        String lincoln = site.log.printable(ADMIN, WebDistrict.LINCOLN_SENT_ID).recipients().get(0).person().id();
        RecipientLog own = site.log.recipientLog(caller, RecipientQuery.person(lincoln, WEEK_START, TODAY));
        assertThat(own.rows()).extracting(RecipientLogRow::messageId).contains(WebDistrict.LINCOLN_SENT_ID)
                .isSubsetOf(WebDistrict.LINCOLN_SENT_ID, WebDistrict.LINCOLN_WAITING_ID);
        browser.open("/recipients?person=" + lincoln);
        assertRowsShown(own);

        ContactLists contacts = site.log.contacts(caller);
        browser.clickAndLoad(By.id("nav-contacts"));
        assertThat(texts("#to-fix tbody th.address")).isEqualTo(contacts.toFix().stream()
                .map(c -> c.channel().label() + ": " + c.address()).toList());
        assertThat(texts("#do-not-contact tbody th.address")).isEqualTo(contacts.doNotContact().stream()
                .map(c -> c.channel().label() + ": " + c.address()).toList());
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Harrison High");

        HouseholdReach reach = site.log.householdReach(caller, ReachQuery.messengerMessages(WEEK_START, TODAY));
        browser.clickAndLoad(By.id("nav-reach"));
        assertThat(texts("main section h2")).isEqualTo(reach.schools().stream().map(SchoolReach::school).toList())
                .doesNotContain("Harrison High");
        assertThat(browser.driver.findElements(By.cssSelector("tr.student")).stream().map(r -> r.getAttribute("data-id"))
                .collect(Collectors.toSet())).isEqualTo(reach.schools().stream().flatMap(s -> s.students().stream())
                .map(s -> s.student().id()).collect(Collectors.toSet()));

        browser.open(MessagePage.link(WebDistrict.LINCOLN_SENT_ID, LogKind.ADMINISTRATION));
        assertThat(browser.driver.findElements(By.id("resend"))).as("Y3: she may resend in her school").hasSize(1);
        browser.open(ResendPage.link(DistrictDemo.MAIN_ID, LogKind.ADMINISTRATION));
        assertThat(browser.heading()).as("Y3 T4: not another school's").isEqualTo("Not found");
    }

    @Test
    @DisplayName("W3 H2 Y3 the teacher, with her own log only, has none of the new pages and no Resend")
    void teacherWithOwnLogOnly() {
        browser.signIn(DemoUser.TEACHER);
        assertThat(navigation()).containsExactly("Search");
        for (String page : List.of("/recipients", "/contacts", "/reach", "/reach/csv")) {
            browser.open(page);
            assertThat(browser.heading()).as(page).isEqualTo("Not allowed");
        }
        browser.open("/recipients");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Read right of the Recipient Log");
        browser.open(MessagePage.link(DistrictDemo.CLASS_ID, LogKind.OWN));
        assertThat(browser.heading()).isEqualTo("Field trip forms are due Friday");
        assertThat(browser.driver.findElements(By.id("resend"))).as("Y3: no resend right").isEmpty();
        browser.open(ResendPage.link(DistrictDemo.CLASS_ID, LogKind.OWN));
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    @Test
    @DisplayName("W4 hostile names and subjects show as text on the Recipient Log, household reach and the resend preview")
    void hostileDataIsText() {
        browser.signIn(DemoUser.ADMINISTRATOR);
        browser.open("/recipients?person=" + HOSTILE_PERSON);
        assertThat(browser.find(By.id("recipient-rows")).getText()).contains(WebFixture.HOSTILE_SUBJECT,
                WebFixture.HOSTILE_NAME, HOSTILE_STUDENT);
        browser.assertNothingInjected();

        browser.open("/reach");
        assertThat(browser.find(By.cssSelector("tr.student[data-id='s-x2']")).getText()).contains(HOSTILE_STUDENT,
                WebFixture.HOSTILE_NAME);
        browser.assertNothingInjected();

        browser.open(ResendPage.link(HOSTILE_FAILED_ID, LogKind.ADMINISTRATION));
        assertThat(browser.find(By.tagName("main")).getText()).contains(WebFixture.HOSTILE_SUBJECT);
        assertThat(browser.find(By.id("preview")).getText()).contains(WebFixture.HOSTILE_NAME, HOSTILE_STUDENT);
        browser.assertNothingInjected();
    }
}
