package dev.sentlog.core.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The public values of the totals package refuse what they cannot mean (D4). */
class TotalsContractTest {

    @Property
    @Label("D4: DeliveryTotals accepts exactly the consistent figures")
    void totalsAcceptExactlyConsistentFigures(@ForAll @IntRange(min = -2, max = 6) int recipients,
                                              @ForAll @IntRange(min = -2, max = 6) int noDevice,
                                              @ForAll @IntRange(min = -2, max = 6) int emails,
                                              @ForAll @IntRange(min = -2, max = 6) int emailsAttempted,
                                              @ForAll @IntRange(min = -2, max = 6) int voiceAttempted,
                                              @ForAll @IntRange(min = -2, max = 6) int contacted,
                                              @ForAll @IntRange(min = -2, max = 6) int notContacted) {
        boolean consistent = recipients >= 0 && noDevice >= 0 && emails >= 0 && emailsAttempted >= 0
                && voiceAttempted >= 0 && contacted >= 0 && notContacted >= 0
                && noDevice <= recipients && emailsAttempted <= emails && voiceAttempted <= 4
                && contacted + notContacted == recipients;

        Runnable make = () -> new DeliveryTotals(recipients, noDevice, 1, emails, emailsAttempted, 4, voiceAttempted,
                3, 3, contacted, notContacted);

        if (consistent) {
            assertThatCode(make::run).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void D4_aRefusedFigureIsNamed() {
        assertThatThrownBy(() -> new DeliveryTotals(2, 0, 0, 1, 2, 0, 0, 0, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("totalEmailsAttempted (2) must not exceed totalEmails (1)");
        assertThatThrownBy(() -> new DeliveryTotals(3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contactedByPhone (1) + notContactedByPhone (1) must equal totalRecipients (3)");
        assertThatThrownBy(() -> new DeliveryTotals(0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("totalInbox must not be negative, was -1");
    }

    @Test
    void D2_P6_indexTakingMethodsNameTheIndexAndTheSize() {
        DeliveryAnalysis a = DeliveryAnalysis.of(List.of(
                RecipientEntry.of(Person.of("p-1", "Parent, Heather"), null,
                        List.of(Device.of(Channel.EMAIL, "h@nomail.com", DeviceStatus.SENT))),
                RecipientEntry.of(Person.of("p-2", "Parent, Tad"), null, List.of())),
                EnumSet.of(Channel.EMAIL), OutcomeClassifier.standard());

        assertThat(a.isDuplicate(0, 0)).isFalse();
        assertThatThrownBy(() -> a.isDuplicate(2, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("entry index 2 is out of bounds: the analysis has 2 entries");
        assertThatThrownBy(() -> a.isDuplicate(0, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("device index 1 is out of bounds: entry 0 has 1 device(s)");
        assertThatThrownBy(() -> a.isDuplicate(1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("device index 0 is out of bounds: entry 1 has 0 device(s)");
        assertThatThrownBy(() -> a.isContactedByPhone(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("entry index -1 is out of bounds: the analysis has 2 entries");
        assertThatThrownBy(() -> a.personHasDevice(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("entry index 2");
    }
}
