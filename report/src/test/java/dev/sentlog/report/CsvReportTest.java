package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    private static byte[] csv(Message m, ReportOptions o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFixtures.reports().write(m, o, out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("P9: UTF-8 with a byte order mark, CRLF records, RFC 4180 quoting of commas and quotes")
    void p9Utf8BomRfc4180() throws IOException {
        Message m = UnicodeTest.named(List.of("O\"Brien, Seán"));
        byte[] bytes = csv(m, ReportFixtures.applicable(m, ReportDetail.ALL, ReportFormat.CSV));
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Sent Message Report\r\n").contains("\"O\"\"Brien, Seán\"");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(ReadBack.csv(bytes).rows()).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("O\"Brien, Seán"));
    }

    @Test
    @DisplayName("P9: every data cell that a spreadsheet would read as a formula is neutralised")
    void p9FormulaInjectionNeutralised() throws IOException {
        List<String> evil = List.of("=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTab",
                "\rCarriage");
        List<RecipientEntry> entries = new ArrayList<>();
        for (int i = 0; i < evil.size(); i++) {
            entries.add(RecipientEntry.of(Person.of("p-" + i, evil.get(i)), Person.of("s-" + i, evil.get(i)),
                    List.of(Device.of(Channel.EMAIL, evil.get(i), DeviceStatus.SENT))));
        }
        Message m = MessageArbitraries.sampleBuilder("m-evil").status(MessageStatus.SENT)
                .deliveryModes(Channel.EMAIL).subject("=cmd|' /C calc'!A0").districtOrSchool("@Harrison")
                .body("-bad body").recipients(entries).build();
        ReadBack back = ReadBack.csv(csv(m, ReportFixtures.applicable(m, ReportDetail.ALL, ReportFormat.CSV)));
        for (int i = 0; i < evil.size(); i++) {
            String e = evil.get(i);
            assertThat(back.rows().get(i)).as(e).startsWith("'" + e, "'" + e);
            assertThat(back.rows().get(i).get(2)).isEqualTo("Email: " + e);
        }
        assertThat(back.labeled()).containsEntry("Subject", "'=cmd|' /C calc'!A0")
                .containsEntry("District/School", "'@Harrison").containsEntry("Message Body", "'-bad body");
        // no cell anywhere starts a formula
        try (var p = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(back.text().substring(1)))) {
            p.forEach(rec -> rec.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));
        }
    }

    @Test
    @DisplayName("P6, D2: CSV marks duplicates with & and recipients not contacted by phone with *")
    void p6CsvMarks() throws IOException {
        ReadBack back = ReadBack.csv(csv(ReportFixtures.district(),
                ReportFixtures.options(ReportDetail.ALL, ReportFormat.CSV)));
        assertThat(back.rows()).extracting(r -> r.get(2)).contains("&Voice: (555) 123-4567")
                .noneMatch(c -> c.contains(DetailRow.DUPLICATE_MARK));
        assertThat(back.rows()).extracting(r -> r.get(0)).contains("*Parent, Tad");
        assertThat(back.text()).contains("& Duplicate address: not counted in the totals");
    }

    @Provide
    Arbitrary<Message> sentMessages() {
        return MessageArbitraries.message().map(m -> m.withStatus(MessageStatus.SENT));
    }

    @Provide
    Arbitrary<ReportOptions> anyOptions() {
        return Combinators.combine(
                net.jqwik.api.Arbitraries.subsetOf(DeviceChoice.values()).filter(s -> !s.isEmpty()),
                net.jqwik.api.Arbitraries.of(ReportDetail.ALL, ReportDetail.FAILED_DELIVERY))
                .as((d, detail) -> new ReportOptions(d, detail, ReportFormat.CSV));
    }

    @Property(tries = 150)
    @Label("P7: for generated messages and options the CSV Delivery Detail rows equal the model's rows")
    void p7CsvRowsEqualModelRows(@ForAll("sentMessages") Message m, @ForAll("anyOptions") ReportOptions wanted)
            throws IOException {
        Set<DeviceChoice> applicable = ApplicableReportOptions.of(m).devices();
        List<DeviceChoice> devices = wanted.devices().stream().filter(applicable::contains).toList();
        ReportOptions o = new ReportOptions(devices.isEmpty() ? Set.of(DeviceChoice.NO_DEVICE) : Set.copyOf(devices),
                wanted.detail(), ReportFormat.CSV);
        ReportModel model = ReportFixtures.reports().model(m, o);
        List<List<String>> expected = new ArrayList<>();
        for (DetailRow r : model.rows()) {
            expected.add(r.cells(DetailRow.DUPLICATE_MARK));
        }
        assertThat(ReadBack.csv(csv(m, o)).rows()).containsExactlyElementsOf(FormatsAgreeTest.csvMarked(expected));
        assertThat(expected.size()).isLessThanOrEqualTo(m.deviceCount() + m.recipients().size());
    }
}
