package dev.sentlog.core.totals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The analysis sizes its tables by the entry count; two entries with many devices each make every
 * table grow several times. A key placed before the growth must still be found after it, whatever
 * form its first address had (blanks around it, upper case, another phone format).
 */
class TableGrowthTest {

    private static final int DEVICES = 300;

    private static List<Device> devices(Channel channel, IntFunction<String> address) {
        List<Device> list = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            DeviceOutcome outcome = channel.isPhone() ? DeviceOutcome.call(5) : DeviceOutcome.of(DeviceStatus.SENT);
            list.add(new Device(channel, address.apply(i), outcome, false, null));
        }
        return list;
    }

    /**
     * Lists the addresses in their first form in one entry and in their second in the next, then
     * checks that each was counted once and that exactly the second entry's devices are duplicates.
     */
    private static void foundAgainAfterGrowth(Channel channel, IntFunction<String> firstForm,
                                              IntFunction<String> secondForm, ToIntFunction<DeliveryTotals> total) {
        List<RecipientEntry> entries = List.of(
                RecipientEntry.of(Person.of("p-1", "Parent, One"), null, devices(channel, firstForm)),
                RecipientEntry.of(Person.of("p-2", "Parent, Two"), null, devices(channel, secondForm)));
        DeliveryAnalysis a = DeliveryAnalysis.of(entries, EnumSet.allOf(Channel.class), OutcomeClassifier.standard());
        assertThat(total.applyAsInt(a.totals())).isEqualTo(DEVICES);
        for (int d = 0; d < DEVICES; d++) {
            assertThat(a.isDuplicate(0, d)).as("first entry, device %d", d).isFalse();
            assertThat(a.isDuplicate(1, d)).as("second entry, device %d", d).isTrue();
        }
    }

    @Test
    @DisplayName("D1/D2: emails first written with blanks around them and in upper case are found again after the table grew")
    void emails() {
        foundAgainAfterGrowth(Channel.EMAIL, i -> " \tGuardian" + i + "@NOMAIL.COM ", i -> "guardian" + i + "@nomail.com",
                DeliveryTotals::totalEmails);
    }

    @Test
    @DisplayName("D1/D2: emails with a non-ASCII letter, first in upper case with blanks around them, are found again after the table grew")
    void nonAsciiEmails() {
        foundAgainAfterGrowth(Channel.EMAIL, i -> " \u00DClf" + i + "@B\u00DCCHER.de ", i -> "\u00fclf" + i + "@b\u00fccher.DE",
                DeliveryTotals::totalEmails);
    }

    @Test
    @DisplayName("D1/D2: an email with a non-ASCII letter and its ASCII look-alike are two addresses")
    void nonAsciiAndAsciiEmailsDiffer() {
        List<RecipientEntry> entries = List.of(
                RecipientEntry.of(Person.of("p-1", "Parent, One"), null, devices(Channel.EMAIL, i -> "\u00DClf" + i + "@x.de")),
                RecipientEntry.of(Person.of("p-2", "Parent, Two"), null, devices(Channel.EMAIL, i -> "ULF" + i + "@X.DE")));
        DeliveryAnalysis a = DeliveryAnalysis.of(entries, EnumSet.allOf(Channel.class), OutcomeClassifier.standard());
        assertThat(a.totals().totalEmails()).isEqualTo(2 * DEVICES);
        for (int d = 0; d < DEVICES; d++) {
            assertThat(a.isDuplicate(1, d)).as("second entry, device %d", d).isFalse();
        }
    }

    @Test
    @DisplayName("D1/D2: inbox ids first written with blanks around them are found again after the table grew")
    void inboxes() {
        foundAgainAfterGrowth(Channel.INBOX, i -> "  portal-" + i + " ", i -> "portal-" + i, DeliveryTotals::totalInbox);
    }

    @Test
    @DisplayName("D1/D2: phone numbers, with and without extensions, are found again in another format after the table grew")
    void phones() {
        foundAgainAfterGrowth(Channel.VOICE, i -> "(555) 123-" + (1000 + i) + (i % 3 == 0 ? " x" + i : ""),
                i -> "+1 555.123." + (1000 + i) + (i % 3 == 0 ? " ext. " + i : ""), DeliveryTotals::totalVoice);
    }
}
