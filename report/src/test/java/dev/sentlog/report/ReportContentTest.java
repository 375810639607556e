package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.LabeledValue;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.spi.Channel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report's content, on the district fixture, against hand-written expectations. */
class ReportContentTest {

    private static final String TIME = "12/02/2019 8:56 AM";
    private static final String D = DetailRow.DUPLICATE_MARK;

    /** Every row of the district fixture with every device choice, as PDF/DOCX print them. */
    static final List<List<String>> ALL_ROWS = List.of(
            List.of("Parent, Heather", "Student, Calvin", "Inbox: heather.portal", "Sent", TIME),
            List.of("Parent, Heather", "Student, Calvin", "Email: heather@nomail.com", "Sent", TIME),
            List.of("Parent, Heather", "Student, Calvin", "Voice: (555) 123-4567", "5 Live Person", TIME),
            List.of("Parent, Heather", "Student, Calvin", "Text: 555-123-4567", "", ""),
            List.of("Parent, Heather", "Student, Karen", D + "Inbox: heather.portal", "Sent", TIME),
            List.of("Parent, Heather", "Student, Karen", D + "Email: heather@nomail.com", "Sent", TIME),
            List.of("Parent, Heather", "Student, Karen", D + "Voice: (555) 123-4567", "5 Live Person", TIME),
            List.of("Parent, Heather", "Student, Karen", D + "Text: 555-123-4567", "", ""),
            List.of("*Parent, Tad", "Student, Karen", "Email: tad@nomail.com", "Failed", TIME),
            List.of("*Parent, Tad", "Student, Karen", "Voice: 555-987-6543", "1 Busy", TIME),
            List.of("*Parent, Tad", "Student, Karen", "Text: 555-987-6543", "-30 Text Message Failed", TIME),
            List.of("*Parent, Kris", "Student, Lauren", "No Device", "", ""),
            List.of("Staff, Dana", "", "Email: dana@x.org", "Sent", TIME),
            List.of("Staff, Dana", "", "Voice: 555-000-1111", "6 Answering Machine", TIME),
            List.of("Staff, Dana", "", "Text: 555-000-1111", "Canceled", ""),
            List.of("*Parent, Omar", "Student, Lauren", "Voice: 555-222-3333", "Canceled", ""),
            List.of("*Parent, Omar", "Student, Lauren", "Email: omar@x.org", "Sent", TIME));

    static List<List<String>> rows(ReportModel model) {
        List<List<String>> rows = new ArrayList<>();
        for (DetailRow r : model.rows()) {
            rows.add(r.cells(DetailRow.DUPLICATE_MARK));
        }
        return rows;
    }

    static Map<String, String> map(List<LabeledValue> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        lines.forEach(v -> m.put(v.label(), v.value()));
        return m;
    }

    private static ReportModel model(Message m, ReportDetail detail) {
        return ReportFixtures.reports().model(m, ReportFixtures.applicable(m, detail, ReportFormat.PDF));
    }

    @Test
    @DisplayName("P3: the header holds district/school, generated on, status, type, sender, date created, subject")
    void p3Header() {
        Map<String, String> h = map(model(ReportFixtures.district(), ReportDetail.ALL).header());
        assertThat(h).containsEntry("District/School", "Harrison High")
                .containsEntry("Generated on", "12/02/2019 09:30:15 AM")
                .containsEntry("Message Status", "Sent")
                .containsEntry("Message Type", "Message Builder - General Notification")
                .containsEntry("Sender", "Administrator, System")
                .containsEntry("Date Created", "12/02/2019 8:55 AM")
                .containsEntry("Subject", "School is cancelled")
                .containsEntry("Report Detail", "All");
    }

    @Test
    @DisplayName("P4, D4, D6: the Delivery Summary shows the figures, Start/End Time and Duration")
    void p4Summary() {
        Map<String, String> s = map(model(ReportFixtures.district(), ReportDetail.ALL).summary());
        assertThat(s).containsExactly(
                Map.entry("Start Time", "12/02/2019 8:54 AM"),
                Map.entry("End Time", "12/02/2019 9:20 AM"),
                Map.entry("Duration", "26 minutes"),
                Map.entry("Total Recipients", "5"),
                Map.entry("Total No Device", "1"),
                Map.entry("Total Inbox", "1"),
                Map.entry("Total Emails", "4"),
                Map.entry("Total Emails Attempted", "4"),
                Map.entry("Total Voice", "4"),
                Map.entry("Total Voice Attempted", "3"),
                Map.entry("Total Text", "3"),
                Map.entry("Total Text Messages Attempted", "1"),
                Map.entry("Recipients contacted successfully by phone", "2"),
                Map.entry("Recipients not contacted by phone", "3"));
    }

    @Test
    @DisplayName("P4: Total No Device appears only when No Device is included")
    void p4NoDeviceFigureOnlyWhenIncluded() {
        ReportModel m = ReportFixtures.reports().model(ReportFixtures.district(),
                new ReportOptions(EnumSet.of(DeviceChoice.EMAIL), ReportDetail.SUMMARY, ReportFormat.CSV));
        assertThat(map(m.summary())).doesNotContainKey("Total No Device").containsEntry("Total Recipients", "5");
    }

    @Test
    @DisplayName("P4, C4: the cancellation record is in the Delivery Summary")
    void p4CancellationRecord() {
        Map<String, String> s = map(model(ReportFixtures.canceledDistrict(), ReportDetail.SUMMARY).summary());
        assertThat(s).containsEntry("Canceled By", "Principal, Pat").containsEntry("Canceled On", "12/02/2019 9:00 AM");
        assertThat(map(model(ReportFixtures.district(), ReportDetail.SUMMARY).summary())).doesNotContainKey("Canceled By");
    }

    @Test
    @DisplayName("P5, P6, D2: every row with the * and \u2020 marks, No Device row, opt-out blank, call codes")
    void p5p6AllRows() {
        assertThat(rows(model(ReportFixtures.district(), ReportDetail.ALL))).containsExactlyElementsOf(ALL_ROWS);
    }

    @Test
    @DisplayName("P6: no * mark when the message used neither Voice nor Text")
    void p6NoStarWithoutPhone() {
        Message m = ReportFixtures.district().toBuilder().deliveryModes(Channel.INBOX, Channel.EMAIL).build();
        ReportModel model = model(m, ReportDetail.ALL);
        assertThat(rows(model)).allSatisfy(r -> assertThat(r.get(0)).doesNotStartWith("*"));
        assertThat(rows(model)).extracting(r -> r.get(2))
                .containsExactly("Inbox: heather.portal", "Email: heather@nomail.com", D + "Inbox: heather.portal",
                        D + "Email: heather@nomail.com", "Email: tad@nomail.com", "No Device", "Email: dana@x.org",
                        "Email: omar@x.org");
        assertThat(model.legend(D)).containsExactly(D + " Duplicate address: not counted in the totals");
    }

    @Test
    @DisplayName("P1, P5: only the chosen devices are listed; No Device rows only when No Device is chosen")
    void p1OnlyChosenDevices() {
        ReportModel m = ReportFixtures.reports().model(ReportFixtures.district(),
                new ReportOptions(EnumSet.of(DeviceChoice.VOICE), ReportDetail.ALL, ReportFormat.CSV));
        assertThat(rows(m)).extracting(r -> r.get(2)).containsExactly("Voice: (555) 123-4567",
                D + "Voice: (555) 123-4567", "Voice: 555-987-6543", "Voice: 555-000-1111", "Voice: 555-222-3333");
    }

    @Test
    @DisplayName("P1, K6, C5: Failed Delivery lists every row of each person with a failed device; canceled is not failed")
    void failedDelivery() {
        ReportModel m = model(ReportFixtures.district(), ReportDetail.FAILED_DELIVERY);
        assertThat(rows(m)).containsExactlyElementsOf(ALL_ROWS.subList(8, 11));
        assertThat(m.messageDetail()).isEmpty();
        assertThat(m.filterCriteria()).isEmpty();
        assertThat(m.hasDeliveryDetail()).isTrue();
    }

    @Test
    @DisplayName("P1, K6: Failed Delivery counts only failures on the chosen devices")
    void failedDeliveryOnChosenDevicesOnly() {
        ReportModel m = ReportFixtures.reports().model(ReportFixtures.district(),
                new ReportOptions(EnumSet.of(DeviceChoice.INBOX, DeviceChoice.NO_DEVICE), ReportDetail.FAILED_DELIVERY,
                        ReportFormat.CSV));
        assertThat(rows(m)).isEmpty();
    }

    @Test
    @DisplayName("P1: Summary detail has the header and Delivery Summary only")
    void summaryOnly() {
        ReportModel m = model(ReportFixtures.district(), ReportDetail.SUMMARY);
        assertThat(m.hasDeliveryDetail()).isFalse();
        assertThat(m.rows()).isEmpty();
        assertThat(m.filterCriteria()).isEmpty();
        assertThat(m.messageDetail()).isEmpty();
        assertThat(m.legend(D)).isEmpty();
    }

    @Test
    @DisplayName("S7: Filter Criteria Detail is shown for Messenger types and absent for the other kinds")
    void s7FilterCriteria() {
        assertThat(model(ReportFixtures.district(), ReportDetail.ALL).filterCriteria()).hasValueSatisfying(
                c -> assertThat(c).extracting(x -> x.label()).containsExactly("Filter Operation", "Behavior Events"));
        for (MessageTypeKind kind : List.of(MessageTypeKind.RECIPIENT_SELECTOR, MessageTypeKind.NON_MESSENGER)) {
            Message m = ReportFixtures.district().toBuilder().messageTypeKind(kind).build();
            assertThat(model(m, ReportDetail.ALL).filterCriteria()).as(kind.name()).isEmpty();
        }
    }

    @Test
    @DisplayName("S8, M6: schedule name before the type only when scheduler-sent; file names only while the host has the file")
    void s8MessageDetail() {
        List<String> plain = model(ReportFixtures.district(), ReportDetail.ALL).messageDetail().orElseThrow()
                .stream().map(LabeledValue::label).toList();
        assertThat(plain).doesNotContain("Schedule Name").startsWith("Message Type").contains("Schedule ID");
        Message scheduled = ReportFixtures.district().toBuilder().scheduleName("Weekly failing grades").build();
        List<LabeledValue> detail = model(scheduled, ReportDetail.ALL).messageDetail().orElseThrow();
        assertThat(detail.get(0)).isEqualTo(LabeledValue.of("Schedule Name", "Weekly failing grades"));
        assertThat(detail.get(1).label()).isEqualTo("Message Type");
        Message withFiles = ReportFixtures.district().toBuilder()
                .emailAttachment(new FileRef("closure-notice.pdf", "cdr://attachments/9912"))
                .audioFile(new FileRef("closure.wav", "cdr://audio/311")).build();
        assertThat(map(model(withFiles, ReportDetail.ALL).messageDetail().orElseThrow()))
                .containsEntry("Email Attachment", "closure-notice.pdf").containsEntry("Audio File", "closure.wav");
        SentMessageReport audioGone = SentMessageReport.builder().zone(ReportFixtures.ZONE).clock(ReportFixtures.CLOCK)
                .fileAvailability(f -> !f.uri().startsWith("cdr://audio/")).build();
        assertThat(map(audioGone.model(withFiles, ReportFixtures.applicable(withFiles, ReportDetail.ALL,
                ReportFormat.CSV)).messageDetail().orElseThrow()))
                .as("S8: no link to a file the host no longer has")
                .containsEntry("Email Attachment", "closure-notice.pdf").doesNotContainKey("Audio File");
        SentMessageReport checkFails = SentMessageReport.builder().zone(ReportFixtures.ZONE).clock(ReportFixtures.CLOCK)
                .fileAvailability(f -> {
                    throw new IllegalStateException("file server down");
                }).build();
        assertThat(map(checkFails.model(withFiles, ReportFixtures.applicable(withFiles, ReportDetail.ALL,
                ReportFormat.CSV)).messageDetail().orElseThrow()))
                .as("S8: a failing file check counts as 'does not exist'; the report is still written")
                .doesNotContainKey("Email Attachment").doesNotContainKey("Audio File");
        Message emailOnly = ReportFixtures.district().toBuilder().deliveryModes(Channel.EMAIL).build();
        assertThat(map(model(emailOnly, ReportDetail.ALL).messageDetail().orElseThrow()))
                .as("M6: no Schedule ID without Voice or Text").doesNotContainKey("Schedule ID");
    }
}
