package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.report.model.DetailRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC P7: the same options give the same content in PDF, CSV and DOCX, read back by each format's reader. */
class FormatsAgreeTest {

    static byte[] write(Message m, ReportOptions o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFixtures.reports().write(m, o, out);
        byte[] bytes = out.toByteArray();
        try {
            Path dir = Path.of("target", "reports");
            Files.createDirectories(dir);
            Files.write(dir.resolve(m.id() + "-" + o.detail() + "." + o.format().extension()), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes;
    }

    /** The D4 figures under the labels the report prints, straight from the core's analysis. */
    static Map<String, String> figures(Message m, boolean noDevice) {
        DeliveryTotals t = DeliveryAnalysis.of(m).totals();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Total Recipients", "" + t.totalRecipients());
        if (noDevice) {
            f.put("Total No Device", "" + t.totalNoDevice());
        }
        f.put("Total Inbox", "" + t.totalInbox());
        f.put("Total Emails", "" + t.totalEmails());
        f.put("Total Emails Attempted", "" + t.totalEmailsAttempted());
        f.put("Total Voice", "" + t.totalVoice());
        f.put("Total Voice Attempted", "" + t.totalVoiceAttempted());
        f.put("Total Text", "" + t.totalText());
        f.put("Total Text Messages Attempted", "" + t.totalTextAttempted());
        f.put("Recipients contacted successfully by phone", "" + t.contactedByPhone());
        f.put("Recipients not contacted by phone", "" + t.notContactedByPhone());
        return f;
    }

    /** The rows as CSV writes them: {@code &} for the duplicate mark (P6), formula-like cells after {@code '} (P9). */
    static List<List<String>> csvMarked(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> c = new ArrayList<>();
            for (String cell : r) {
                String v = cell.replace(DetailRow.DUPLICATE_MARK, DetailRow.CSV_DUPLICATE_MARK);
                c.add(!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v);
            }
            out.add(c);
        }
        return out;
    }

    /**
     * The outcome chart of {@link ReportFixtures#district()}, counted by hand from its devices (K3-K6):
     * channel, successful, failed, opted out, canceled, in progress, not yet attempted, total. Heather's
     * second entry repeats her four devices (duplicates count: the chart counts devices); Tad's busy
     * call (1) and failed text (-30) failed; Dana's answering machine (6) reached her; Omar's call and
     * Dana's text were canceled.
     */
    static final List<List<String>> DISTRICT_CHART = List.of(
            List.of("Inbox", "2", "0", "0", "0", "0", "0", "2"),
            List.of("Email", "4", "1", "0", "0", "0", "0", "5"),
            List.of("Voice", "3", "1", "0", "1", "0", "0", "5"),
            List.of("Text", "0", "1", "2", "1", "0", "0", "4"));

    @ParameterizedTest
    @EnumSource(value = ReportDetail.class)
    @DisplayName("P7, E2: PDF, CSV and DOCX read back to the same rows, the core's D4 figures and the same outcome chart")
    void p7SameContentInEveryFormat(ReportDetail detail) throws IOException {
        Message m = ReportFixtures.district();
        Map<String, String> figures = figures(m, true);
        List<List<String>> expected = detail == ReportDetail.SUMMARY ? List.of()
                : detail == ReportDetail.ALL ? ReportContentTest.ALL_ROWS : ReportContentTest.ALL_ROWS.subList(8, 11);

        ReadBack csv = ReadBack.csv(write(m, ReportFixtures.options(detail, ReportFormat.CSV)));
        ReadBack docx = ReadBack.docx(write(m, ReportFixtures.options(detail, ReportFormat.DOCX)));
        ReadBack pdf = ReadBack.pdf(write(m, ReportFixtures.options(detail, ReportFormat.PDF)),
                List.copyOf(figures.keySet()));

        assertThat(csv.labeled()).containsAllEntriesOf(figures);
        assertThat(docx.labeled()).containsAllEntriesOf(figures);
        assertThat(pdf.labeled()).containsAllEntriesOf(figures);

        // E2: the outcome chart, in every format and at every detail level
        assertThat(csv.chart()).as("CSV chart table").containsExactlyElementsOf(DISTRICT_CHART);
        assertThat(docx.chart()).as("DOCX chart").containsExactlyElementsOf(DISTRICT_CHART);
        assertThat(pdf.chart()).as("PDF chart").containsExactlyElementsOf(DISTRICT_CHART);

        assertThat(csv.rows()).containsExactlyElementsOf(csvMarked(expected));
        assertThat(docx.rows()).containsExactlyElementsOf(expected);
        assertThat(pdf.rows()).containsExactlyElementsOf(expected.stream().map(ReadBack::joined).toList());

        Map<String, String> header = new LinkedHashMap<>(csv.labeled());
        header.keySet().retainAll(List.of("District/School", "Generated on", "Message Status", "Message Type",
                "Sender", "Date Created", "Subject"));
        assertThat(header).hasSize(7);
        assertThat(docx.labeled()).containsAllEntriesOf(header);
        header.forEach((k, v) -> assertThat(pdf.text()).contains(k + ": " + v));
    }

    @Test
    @DisplayName("E2: a message still going out charts in-progress and not-yet-attempted devices the same in every format")
    void e2ChartOfAMessageInProgress() throws IOException {
        Message m = ReportFixtures.district().toBuilder()
                .status(dev.sentlog.core.message.MessageStatus.IN_PROGRESS)
                .deliveryModes(dev.sentlog.spi.Channel.EMAIL, dev.sentlog.spi.Channel.VOICE)
                .recipients(List.of(dev.sentlog.core.message.RecipientEntry.of(
                        dev.sentlog.core.message.Person.of("p-9", "Parent, Ana"), null, List.of(
                                dev.sentlog.core.message.Device.of(dev.sentlog.spi.Channel.EMAIL, "ana@x.org",
                                        dev.sentlog.spi.DeviceStatus.IN_PROGRESS),
                                dev.sentlog.core.message.Device.of(dev.sentlog.spi.Channel.EMAIL, "ana2@x.org",
                                        dev.sentlog.spi.DeviceStatus.PENDING),
                                dev.sentlog.core.message.Device.of(dev.sentlog.spi.Channel.EMAIL, " ",
                                        dev.sentlog.spi.DeviceStatus.PENDING),
                                dev.sentlog.core.message.Device.of(dev.sentlog.spi.Channel.TEXT, "555-123-4567",
                                        dev.sentlog.spi.DeviceStatus.SENT)))))
                .build();
        List<List<String>> expected = List.of(
                List.of("Email", "0", "0", "0", "0", "1", "1", "2"),   // the blank address is no device (D1)
                List.of("Voice", "0", "0", "0", "0", "0", "0", "0"));  // Text is not a delivery mode here
        Set<DeviceChoice> devices = Set.of(DeviceChoice.EMAIL);
        ReadBack csv = ReadBack.csv(write(m, new ReportOptions(devices, ReportDetail.SUMMARY, ReportFormat.CSV)));
        ReadBack docx = ReadBack.docx(write(m, new ReportOptions(devices, ReportDetail.SUMMARY, ReportFormat.DOCX)));
        ReadBack pdf = ReadBack.pdf(write(m, new ReportOptions(devices, ReportDetail.SUMMARY, ReportFormat.PDF)),
                List.of());
        assertThat(csv.chart()).containsExactlyElementsOf(expected);
        assertThat(docx.chart()).containsExactlyElementsOf(expected);
        assertThat(pdf.chart()).containsExactlyElementsOf(expected);
        assertThat(pdf.text()).contains("Email (2 devices)", "Voice (0 devices)");
    }

    @Test
    @DisplayName("P7: an empty Delivery Detail (no row for the chosen devices) reads back empty in every format")
    void p7EmptyDetail() throws IOException {
        Message m = ReportFixtures.district();
        Set<DeviceChoice> inbox = Set.of(DeviceChoice.INBOX);
        for (ReportFormat f : ReportFormat.values()) {
            ReportOptions o = new ReportOptions(inbox, ReportDetail.FAILED_DELIVERY, f);
            byte[] bytes = write(m, o);
            ReadBack back = f == ReportFormat.CSV ? ReadBack.csv(bytes)
                    : f == ReportFormat.DOCX ? ReadBack.docx(bytes) : ReadBack.pdf(bytes, List.of());
            assertThat(back.rows()).as(f.name()).isEmpty();
            assertThat(back.text()).as(f.name()).contains("Delivery Device");
        }
    }
}
