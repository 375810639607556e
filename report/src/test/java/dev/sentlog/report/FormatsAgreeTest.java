package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Message;
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
import org.junit.jupiter.api.DisplayName;
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

    @ParameterizedTest
    @EnumSource(value = ReportDetail.class)
    @DisplayName("P7: PDF, CSV and DOCX read back to the same rows and the core's D4 figures")
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
}
