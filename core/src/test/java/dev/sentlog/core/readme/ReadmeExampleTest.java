package dev.sentlog.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.core.totals.CountedItem;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.core.totals.DeviceRef;
import dev.sentlog.core.totals.Figure;
import dev.sentlog.core.totals.FigureExplanation;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "Computing totals directly" snippet, kept compiling and correct. */
class ReadmeExampleTest {

    @Test
    @DisplayName("README: the totals and explain snippets compile and give what the README states (D3, E1)")
    void readmeTotalsSnippet() {
        // --- README snippet start
        Message message = Message.builder()
                .id("m-1").messageType("Message Builder - General Notification")
                .districtOrSchool("Harrison High").subject("School is cancelled")
                .sender(Sender.of("u-1", "Administrator, System", "sysadmin@nomail.com"))
                .createdAt(Instant.parse("2019-12-02T14:55:00Z"))
                .status(MessageStatus.SENT)
                .deliveryModes(Channel.EMAIL, Channel.VOICE)
                .recipients(List.of(
                        RecipientEntry.of(Person.of("p-1", "Parent, Heather"), Person.of("s-1", "Student, Calvin"), List.of(
                                Device.of(Channel.EMAIL, "Heather@nomail.com", DeviceStatus.SENT),
                                new Device(Channel.VOICE, "(555) 123-4567", DeviceOutcome.call(5), false, null))),
                        RecipientEntry.of(Person.of("p-2", "Parent, Tad"), null, List.of(
                                new Device(Channel.VOICE, "555.123.4567", DeviceOutcome.call(5), false, null)))))
                .build();

        DeliveryTotals totals = DeliveryTotals.of(message);
        // --- README snippet end
        assertThat(totals.totalVoice()).isEqualTo(1);
        assertThat(totals.contactedByPhone()).isEqualTo(2);
        assertThat(totals.totalEmails()).isEqualTo(1);

        // --- README explain snippet start
        FigureExplanation voice = DeliveryAnalysis.of(message).explain(Figure.TOTAL_VOICE);
        for (CountedItem item : voice.items()) {            // one item: the shared number 5551234567
            for (DeviceRef d : item.devices()) {            // entry 0 (Heather), entry 1 (Tad, duplicate)
                System.out.printf("%s entry %d %s%n", d.person().name(), d.entryIndex(), d.duplicate() ? "(dup)" : "");
            }
        }
        // --- README explain snippet end
        assertThat(voice.count()).isEqualTo(totals.totalVoice());
        assertThat(voice.items()).singleElement()
                .satisfies(i -> assertThat(((CountedItem.Address) i).address()).isEqualTo("5551234567"));
        assertThat(voice.items().get(0).devices()).extracting(DeviceRef::entryIndex, DeviceRef::duplicate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, false), org.assertj.core.groups.Tuple.tuple(1, true));
    }
}
