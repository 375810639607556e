package dev.sentlog.report.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.OutcomeClassifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HouseholdReachCsvTest {

    private static final Person MOM = Person.of("p-1", "Nguyễn, Lan");
    private static final Person EVIL = Person.of("p-2", "=HYPERLINK(\"http://x\"), Eve");

    private static HouseholdReach reach() {
        Message m = MessageArbitraries.sampleBuilder("m-1").status(MessageStatus.SENT)
                .deliveryModes(EnumSet.of(Channel.VOICE, Channel.EMAIL)).recipients(List.of(
                        RecipientEntry.of(MOM, Person.of("s-1", "Nguyễn, An"), List.of(
                                new Device(Channel.VOICE, "+1 555 010 0001", DeviceOutcome.call(3), false, null))),
                        RecipientEntry.of(EVIL, Person.of("s-1", "Nguyễn, An"), List.of()),
                        RecipientEntry.of(MOM, Person.of("s-2", "@Bao"), List.of(
                                new Device(Channel.VOICE, "555-010-0009", DeviceOutcome.call(5), false, null)))))
                .build();
        return HouseholdReach.of(List.of(m), OutcomeClassifier.standard());
    }

    private static List<CSVRecord> read(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("P9: a byte order mark for spreadsheet programs").startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    @DisplayName("H4, P9: one record per device to phone, a No Device record for a person without one, UTF-8 names "
            + "intact, formula cells neutralised")
    void recordsPerDevice() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        HouseholdReachCsv.write(reach(), out);

        List<CSVRecord> records = read(out.toByteArray());
        assertThat(records.get(0).toList()).containsExactlyElementsOf(HouseholdReachCsv.COLUMNS);
        assertThat(records).hasSize(3);
        assertThat(records.get(1).toList()).containsExactly("Harrison High", "Nguyễn, An", "s-1", "Nguyễn, Lan",
                "p-1", "Voice", "'+1 555 010 0001", DeviceOutcome.call(3).display(), "m-1");
        assertThat(records.get(2).toList()).containsExactly("Harrison High", "Nguyễn, An", "s-1",
                "'=HYPERLINK(\"http://x\"), Eve", "p-2", "No Device", "", "", "m-1");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("CRLF line ends").contains("\r\n")
                .as("the reached student is not listed").doesNotContain("Bao");
    }

    @Test
    @DisplayName("H4: no unreached student gives the header record alone")
    void empty() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        HouseholdReachCsv.write(HouseholdReach.of(List.of(), OutcomeClassifier.standard()), out);

        assertThat(read(out.toByteArray())).hasSize(1);
    }
}
