package dev.sentlog.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.log.Caller;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.search.Column;
import dev.sentlog.core.search.ColumnFilter;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.search.Sort;
import dev.sentlog.core.totals.Figure;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.report.ReportFormat;
import dev.sentlog.report.ReportOptions;
import dev.sentlog.report.SentMessageReport;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.ReportModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (Debian's Chromium, headless), signed in as the district
 * administrator: the search, its filters and sorting, a message's view, a figure's rows, cancel,
 * refresh, the three report downloads, hostile data shown as text, and axe-core's accessibility
 * check on every page. One server and one browser for the class.
 */
class WebPageBrowserTest {

    @TempDir
    static Path downloads;

    private static WebFixture site;
    private static Browser browser;
    private static final Caller ADMIN = DemoUser.ADMINISTRATOR.caller();
    private static final String DAY = DistrictDemo.demoDay().toString();

    @BeforeAll
    static void start() {
        site = WebFixture.start(4000, true);
        browser = Browser.start(site.base(), downloads);
        browser.signIn(DemoUser.ADMINISTRATOR);
    }

    @AfterAll
    static void stop() {
        WebFixture.closeAll(browser, site);
    }

    private static SearchResult libraryResult() {
        return site.log.search(ADMIN, SearchCriteria.createdBetween(DistrictDemo.demoDay(), DistrictDemo.demoDay()));
    }

    private static List<String> ids(List<MessageRow> rows) {
        return rows.stream().map(MessageRow::id).collect(Collectors.toList());
    }

    private static void searchTheDemoDay() {
        browser.open("/search");
        WebElement from = browser.find(By.id("from"));
        WebElement to = browser.find(By.id("to"));
        // a date input takes keys in the browser's locale order: set it as a form would be submitted
        browser.driver.executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[2];", from, to, DAY);
        browser.clickAndLoad(By.cssSelector("form.search button[type=submit]"));
    }

    @Test
    @DisplayName("W2 S1 S6 the search of the demo day lists every message of the administration log, newest first")
    void searchListsTheDay() {
        searchTheDemoDay();

        assertThat(browser.gridIds()).isEqualTo(ids(libraryResult().view(List.of(), Sort.newestFirst())));
        assertThat(browser.gridIds()).contains("m-2001", "m-2002", "m-2003", "m-2004", "m-3001", "m-3002",
                WebFixture.HOSTILE_ID);
        browser.screenshot("search");
        browser.assertAccessible("the search");
    }

    @Test
    @DisplayName("W2 S3 a dropdown filter per column: picking a status keeps exactly the rows of that status")
    void filterByDropdown() {
        searchTheDemoDay();
        Select status = new Select(browser.find(By.id("f_STATUS")));
        assertThat(status.getOptions().stream().map(WebElement::getText).skip(1).collect(Collectors.toList()))
                .as("the dropdown offers the values of the result (S3)").isEqualTo(libraryResult().values(Column.STATUS));
        Select school = new Select(browser.find(By.id("f_DISTRICT_OR_SCHOOL")));

        school.selectByVisibleText(WebDistrict.LINCOLN_MIDDLE);
        browser.clickAndLoad(By.cssSelector("form.search button[type=submit]"));

        List<String> expected = ids(libraryResult().view(List.of(ColumnFilter.of(Column.DISTRICT_OR_SCHOOL,
                WebDistrict.LINCOLN_MIDDLE)), Sort.newestFirst()));
        assertThat(expected).containsExactlyInAnyOrder(WebDistrict.LINCOLN_SENT_ID, WebDistrict.LINCOLN_WAITING_ID);
        assertThat(browser.gridIds()).isEqualTo(expected);
        assertThat(new Select(browser.find(By.id("f_DISTRICT_OR_SCHOOL"))).getFirstSelectedOption().getText())
                .isEqualTo(WebDistrict.LINCOLN_MIDDLE);
    }

    @Test
    @DisplayName("W2 S4 the partial date filter matches the displayed dates containing the text, case-insensitively")
    void partialDateFilter() {
        searchTheDemoDay();
        WebElement created = browser.find(By.id("f_DATE_CREATED"));

        created.sendKeys("7:55 am");
        browser.clickAndLoad(By.cssSelector("form.search button[type=submit]"));

        List<String> expected = ids(libraryResult().view(List.of(ColumnFilter.of(Column.DATE_CREATED, "7:55 am")),
                Sort.newestFirst()));
        assertThat(expected).containsExactly("m-2001");
        assertThat(browser.gridIds()).isEqualTo(expected);
    }

    @Test
    @DisplayName("W2 S5 a header sorts by its column, ascending and then descending")
    void sortByHeader() {
        searchTheDemoDay();

        browser.clickAndLoad(By.linkText("Message Subject"));
        assertThat(browser.gridIds()).isEqualTo(ids(libraryResult().view(List.of(), Sort.ascending(Column.SUBJECT))));
        assertThat(browser.find(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("ascending");

        browser.clickAndLoad(By.partialLinkText("Message Subject"));
        assertThat(browser.gridIds()).isEqualTo(ids(libraryResult().view(List.of(), Sort.descending(Column.SUBJECT))));
        assertThat(browser.find(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("descending");
    }

    @Test
    @DisplayName("W2 S6 S7 S8 opening a message shows its Delivery Summary, Report Options, Filter Criteria Detail, Message"
            + " Detail and detail rows")
    void openMessage() {
        searchTheDemoDay();
        browser.clickAndLoad(By.linkText("School is closed today: snow"));

        MessageView view = site.log.select(ADMIN, "m-2001");
        assertThat(browser.heading()).isEqualTo("School is closed today: snow");
        assertThat(browser.find(By.id("status")).getText()).isEqualTo(view.row().status().label());
        List<String> sections = browser.driver.findElements(By.tagName("h2")).stream().map(WebElement::getText)
                .collect(Collectors.toList());
        assertThat(sections).containsExactly("Delivery Summary", "Report Options", "Filter Criteria Detail",
                "Message Detail", "Delivery Detail");
        assertThat(browser.find(By.id("figure-TOTAL_RECIPIENTS")).getText())
                .isEqualTo(Integer.toString(view.summary().totals().totalRecipients()));
        assertThat(browser.find(By.id("message-detail")).getText()).contains("Harrison High is closed today because of snow.",
                "closure-notice.pdf");
        Message message = site.log.printable(ADMIN, "m-2001");
        ReportModel model = SentMessageReport.forLog(site.log).model(message, ReportOptions.of(
                view.reportOptions().devices(), ReportDetail.ALL, ReportFormat.CSV));
        List<String> rows = browser.driver.findElements(By.cssSelector("#detail-rows tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText)
                        .collect(Collectors.joining("|"))).collect(Collectors.toList());
        List<String> expectedRows = new ArrayList<>();
        model.rows().forEach(r -> expectedRows.add(String.join("|", r.cells(DetailRow.DUPLICATE_MARK)).strip()));
        assertThat(rows).as("the detail rows, as the report has them").hasSize(expectedRows.size()).hasSizeGreaterThan(12);
        assertThat(rows.get(0)).isEqualTo(expectedRows.get(0));
        browser.screenshot("message");
        browser.assertAccessible("a message's view");

        browser.open("/messages/" + "m-2003");
        assertThat(browser.driver.findElements(By.tagName("h2")).stream().map(WebElement::getText))
                .as("S7: a Class Messages note has no Filter Criteria Detail").doesNotContain("Filter Criteria Detail");
    }

    @Test
    @DisplayName("W2 E1 each Delivery Summary figure opens its rows, and the number of rows is the figure")
    void figureRowsCountTheFigure() {
        browser.open("/messages/m-2001?log=admin");
        Map<String, String> figures = browser.driver.findElements(By.cssSelector("a.figure")).stream()
                .collect(Collectors.toMap(a -> a.getAttribute("id"), WebElement::getText));
        assertThat(figures).hasSize(9);

        for (Map.Entry<String, String> figure : figures.entrySet()) {
            browser.open("/messages/m-2001?log=admin");
            browser.clickAndLoad(By.id(figure.getKey()));

            int rows = browser.driver.findElements(By.cssSelector("#figure-rows tr.item")).size();
            assertThat(rows).as("rows of %s", figure.getKey()).isEqualTo(Integer.parseInt(figure.getValue()));
            Figure f = Figure.valueOf(figure.getKey().substring("figure-".length()));
            assertThat(browser.heading()).isEqualTo(f.label() + ": " + figure.getValue());
        }
        browser.open("/messages/m-2001/figures/NOT_CONTACTED_BY_PHONE?log=admin");
        browser.screenshot("figure-rows");
        browser.assertAccessible("a figure's rows");
    }

    @Test
    @DisplayName("W2 C1 C3 Cancel of a Waiting message goes through a confirmation page and ends Canceled")
    void cancelThroughConfirmation() {
        browser.open("/messages/" + DistrictDemo.WAITING_ID + "?log=admin");
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("Waiting");

        browser.clickAndLoad(By.id("cancel"));
        assertThat(browser.heading()).isEqualTo("Cancel this message?");
        assertThat(site.log.select(ADMIN, DistrictDemo.WAITING_ID).row().status())
                .as("the confirmation page changes nothing").isEqualTo(MessageStatus.WAITING);
        browser.screenshot("cancel-confirmation");
        browser.assertAccessible("the cancel confirmation");
        browser.clickAndLoad(By.id("confirm-cancel"));

        assertThat(site.log.select(ADMIN, DistrictDemo.WAITING_ID).row().status()).isEqualTo(MessageStatus.CANCELED);
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("Canceled");
        assertThat(browser.find(By.id("summary")).getText()).contains("Canceled by", "Administrator, System");
        assertThat(browser.driver.findElements(By.id("cancel"))).as("no Cancel for a canceled message").isEmpty();
    }

    @Test
    @DisplayName("W2 R1 Refresh Status asks the providers and shows the derived status")
    void refresh() {
        browser.open("/messages/" + WebFixture.HOSTILE_ID + "?log=admin");
        assertThat(browser.find(By.id("status")).getText()).isEqualTo("In-Progress");

        site.clock.advance(Duration.ofMinutes(30));
        browser.clickAndLoad(By.id("refresh"));

        MessageStatus now = site.log.select(ADMIN, WebFixture.HOSTILE_ID).row().status();
        assertThat(now).isNotEqualTo(MessageStatus.IN_PROGRESS);
        assertThat(browser.find(By.id("status")).getText()).isEqualTo(now.label());
    }

    @Test
    @DisplayName("W2 P7 the report downloads in each format, streamed as an attachment, and reads back")
    void downloadEachFormat() throws IOException {
        String total = Integer.toString(site.log.select(ADMIN, "m-2001").summary().totals().totalRecipients());
        for (String format : List.of("PDF", "CSV", "DOCX")) {
            browser.open("/messages/m-2001?log=admin");
            new Select(browser.find(By.id("format"))).selectByValue(format);
            browser.find(By.id("download")).click();
            Path file = downloads.resolve("sent-message-report-m-2001." + format.toLowerCase(java.util.Locale.ROOT));
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file)
                    && !Files.exists(Path.of(file + ".crdownload")));

            String text = switch (format) {
                case "PDF" -> {
                    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                        yield new PDFTextStripper().getText(pdf);
                    }
                }
                case "DOCX" -> {
                    try (InputStream in = Files.newInputStream(file); XWPFDocument docx = new XWPFDocument(in);
                         XWPFWordExtractor words = new XWPFWordExtractor(docx)) {
                        yield words.getText();
                    }
                }
                default -> {
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        List<CSVRecord> records = CSVFormat.RFC4180.parse(in).getRecords();
                        assertThat(records.stream().filter(r -> r.size() == 2 && r.get(0).equals("Total Recipients"))
                                .map(r -> r.get(1))).as("the CSV's Total Recipients record").containsExactly(total);
                        yield records.stream().map(r -> String.join(",", r)).collect(Collectors.joining("\n"));
                    }
                }
            };
            assertThat(text).as(format).contains("Sent Message Report", "School is closed today: snow", "Total Recipients");
        }
    }

    @Test
    @DisplayName("W4 hostile names and subjects show as text on every page: no element, no script, no alert")
    void hostileDataIsText() {
        searchTheDemoDay();
        assertThat(browser.find(By.cssSelector("tr[data-id='" + WebFixture.HOSTILE_ID + "']")).getText())
                .contains(WebFixture.HOSTILE_SUBJECT, "Message Builder - <i>General</i>");
        assertNothingInjected();

        browser.clickAndLoad(By.linkText(WebFixture.HOSTILE_SUBJECT));
        assertThat(browser.heading()).isEqualTo(WebFixture.HOSTILE_SUBJECT);
        assertThat(browser.find(By.id("detail-rows")).getText()).contains(WebFixture.HOSTILE_NAME, "<b>Bold</b> Student");
        assertThat(browser.find(By.id("message-detail")).getText()).contains("<script>alert(3)</script>");
        assertNothingInjected();

        browser.open("/messages/" + WebFixture.HOSTILE_ID + "/figures/TOTAL_RECIPIENTS?log=admin");
        assertThat(browser.find(By.id("figure-rows")).getText()).contains(WebFixture.HOSTILE_NAME, "eve\"<x>@nomail.com");
        assertNothingInjected();
    }

    private static void assertNothingInjected() {
        assertThat(browser.driver.findElements(By.cssSelector("img, i, b"))).isEmpty();
        // the only script a page may hold is the site's live figures file, by its src (E4); never one inline
        for (WebElement script : browser.driver.findElements(By.tagName("script"))) {
            assertThat(script.getAttribute("src")).isEqualTo(site.base().resolve(StaticFiles.LIVE_SCRIPT).toString());
            assertThat(script.getAttribute("innerHTML")).isEmpty();
        }
        boolean alert;
        try {
            browser.driver.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).as("an alert was opened").isFalse();
    }

    @Test
    @DisplayName("W3 the sign-in page offers the three demo users and is accessible")
    void signInPage() {
        browser.signOut();
        assertThat(browser.heading()).isEqualTo("Sign in");
        List<String> offered = new ArrayList<>();
        for (WebElement label : browser.driver.findElements(By.cssSelector("fieldset label"))) {
            offered.add(label.getText());
        }
        assertThat(offered).hasSize(3).anySatisfy(l -> assertThat(l).contains("District administrator"))
                .anySatisfy(l -> assertThat(l).contains("Secretary of Lincoln Middle"))
                .anySatisfy(l -> assertThat(l).contains("Teacher"));
        browser.screenshot("sign-in");
        browser.assertAccessible("the sign-in");
        browser.signIn(DemoUser.ADMINISTRATOR);
    }
}
