package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.engagement.FeedbackEvent;
import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.spi.FeedbackKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC H5 in the Sent Message Report: each device's engagement shows beside its status, in the
 * Status cell, the same in PDF, CSV and DOCX (P7); devices without feedback print as before.
 */
class ReportEngagementTest {

    private static final String HEATHER_STATUS = "Sent \u00b7 Opened 12/02/2019 8:57 AM \u00d72 \u00b7 Clicked "
            + "12/02/2019 8:58 AM";
    private static final String DANA_STATUS = "Sent \u00b7 Complained 12/02/2019 9:10 AM";

    /** Heather's email (entry 0, device 1) opened twice and clicked; Dana's email (entry 4) complained about. */
    private static MessageEngagement engagement() {
        return MessageEngagement.of(List.of(
                new FeedbackEvent(0, 1, FeedbackKind.OPENED, "e-1", ReportFixtures.T.plus(Duration.ofMinutes(1))),
                new FeedbackEvent(0, 1, FeedbackKind.OPENED, "e-2", ReportFixtures.T.plus(Duration.ofMinutes(40))),
                new FeedbackEvent(0, 1, FeedbackKind.CLICKED, "e-3", ReportFixtures.T.plus(Duration.ofMinutes(2))),
                new FeedbackEvent(4, 0, FeedbackKind.COMPLAINED, "e-4",
                        ReportFixtures.T.plus(Duration.ofMinutes(14)))));
    }

    private static byte[] write(Message m, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFixtures.reports().write(m, engagement(), ReportFixtures.options(ReportDetail.ALL, format), out);
        return out.toByteArray();
    }

    private static List<String> statuses(List<List<String>> rows, String device) {
        return rows.stream().filter(r -> r.get(2).equals(device)).map(r -> r.get(3)).toList();
    }

    @Test
    @DisplayName("H5/P7: the engagement shows beside the status in the Status cell of CSV, DOCX and PDF alike")
    void h5EngagementBesideTheStatusInEveryFormat() throws IOException {
        Message m = ReportFixtures.district();

        ReadBack csv = ReadBack.csv(write(m, ReportFormat.CSV));
        ReadBack docx = ReadBack.docx(write(m, ReportFormat.DOCX));
        ReadBack pdf = ReadBack.pdf(write(m, ReportFormat.PDF), List.of());

        assertThat(statuses(csv.rows(), "Email: heather@nomail.com")).containsExactly(HEATHER_STATUS);
        assertThat(statuses(csv.rows(), "&Email: heather@nomail.com")).as("the duplicate's own device has none")
                .containsExactly("Sent");
        assertThat(statuses(csv.rows(), "Email: dana@x.org")).containsExactly(DANA_STATUS);
        assertThat(statuses(csv.rows(), "Email: tad@nomail.com")).containsExactly("Failed");
        assertThat(statuses(docx.rows(), "Email: heather@nomail.com")).containsExactly(HEATHER_STATUS);
        assertThat(statuses(docx.rows(), "Email: dana@x.org")).containsExactly(DANA_STATUS);
        // the PDF wraps the long Status cell inside its column, so the Time cell's text falls in between
        assertThat(ReadBack.squeeze(pdf.text())).contains("Email:heather@nomail.comSent\u00b7Opened12/02/2019",
                "8:57AM\u00d72\u00b7Clicked12/02/20198:58AM", "Email:dana@x.orgSent\u00b7Complained",
                "12/02/20199:10AM");
    }

    @Test
    @DisplayName("H5: without engagement the rows are those of a report written without it (the memory-bound path)")
    void h5NoEngagementChangesNothing() {
        Message m = ReportFixtures.district();
        List<DetailRow> plain = rows(ReportFixtures.reports().model(m,
                ReportFixtures.options(ReportDetail.ALL, ReportFormat.CSV)).rows());
        List<DetailRow> none = rows(ReportFixtures.reports().model(m, MessageEngagement.none(),
                ReportFixtures.options(ReportDetail.ALL, ReportFormat.CSV)).rows());
        assertThat(none).isEqualTo(plain).allSatisfy(r -> assertThat(r.statusCell()).isEqualTo(r.status()));
    }

    @Test
    @DisplayName("H5: an opted-out device's blank status shows the engagement alone")
    void h5BlankStatusShowsTheEngagementAlone() {
        DetailRow r = new DetailRow("Parent, Heather", "", "Text: 555-123-4567", "", "", false, false,
                "Opened 12/02/2019 8:57 AM");
        assertThat(r.statusCell()).isEqualTo("Opened 12/02/2019 8:57 AM");
        assertThat(r.cells(DetailRow.DUPLICATE_MARK).get(3)).isEqualTo("Opened 12/02/2019 8:57 AM");
    }

    private static List<DetailRow> rows(Iterable<DetailRow> rows) {
        List<DetailRow> out = new java.util.ArrayList<>();
        rows.forEach(out::add);
        return out;
    }
}
