package dev.sentlog.core.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Household reach on plain messages (SPEC H4). */
class HouseholdReachTest {

    private static final Instant T0 = Instant.parse("2019-12-02T14:55:00Z");
    private static final Person MOM = Person.of("p-1", "Nguyen, Lan");
    private static final Person DAD = Person.of("p-2", "Nguyen, Minh");
    private static final Person AN = Person.of("s-1", "Nguyen, An");
    private static final Person BAO = Person.of("s-2", "Nguyen, Bao");

    private static Message message(String id, int day, String school, Set<Channel> modes, RecipientEntry... entries) {
        return MessageArbitraries.sampleBuilder(id).createdAt(T0.plus(Duration.ofDays(day))).districtOrSchool(school)
                .status(MessageStatus.SENT).deliveryModes(modes).recipients(List.of(entries)).build();
    }

    @Test
    @DisplayName("H4: a student is reached when any entry concerning them had a successful device in any message")
    void anyEntryAnyMessage() {
        Message monday = message("m-1", 0, "Lincoln", EnumSet.of(Channel.VOICE, Channel.EMAIL),
                RecipientEntry.of(MOM, AN, List.of(new Device(Channel.VOICE, "555-010-0001", DeviceOutcome.call(3),
                        false, null))),
                RecipientEntry.of(DAD, AN, List.of(Device.of(Channel.EMAIL, "minh@nomail.com", DeviceStatus.FAILED))),
                RecipientEntry.of(MOM, BAO, List.of(new Device(Channel.VOICE, "555-010-0001", DeviceOutcome.call(3),
                        false, null))));
        Message tuesday = message("m-2", 1, "Lincoln", EnumSet.of(Channel.EMAIL),
                RecipientEntry.of(DAD, AN, List.of(Device.of(Channel.EMAIL, "Minh@NoMail.com", DeviceStatus.SENT))),
                RecipientEntry.of(DAD, BAO, List.of(Device.of(Channel.EMAIL, "minh@nomail.com ", DeviceStatus.SENT),
                        Device.of(Channel.VOICE, "555-010-0002", DeviceStatus.SENT))));

        HouseholdReach mondayOnly = HouseholdReach.of(List.of(monday), OutcomeClassifier.standard());
        HouseholdReach both = HouseholdReach.of(List.of(monday, tuesday), OutcomeClassifier.standard());

        assertThat(mondayOnly.unreachedCount()).isEqualTo(2);
        UnreachedStudent an = mondayOnly.schools().get(0).students().get(0);
        assertThat(an.student()).isEqualTo(AN);
        assertThat(an.contacts()).extracting(ReachContact::person).containsExactly(MOM, DAD);
        assertThat(an.contacts().get(1).devices()).extracting(Device::address).containsExactly("minh@nomail.com");
        assertThat(both.schools()).as("the Tuesday email reached both households").isEmpty();
        assertThat(both.messagesConsidered()).isEqualTo(2);
    }

    @Test
    @DisplayName("H4, D4: a device on a channel the message did not use never counts as reaching anyone")
    void onlyDeliveryModesCount() {
        Message m = message("m-1", 0, "Lincoln", EnumSet.of(Channel.EMAIL),
                RecipientEntry.of(MOM, AN, List.of(Device.of(Channel.TEXT, "5550100001", DeviceStatus.SENT),
                        Device.of(Channel.EMAIL, "lan@nomail.com", DeviceStatus.FAILED))));

        HouseholdReach reach = HouseholdReach.of(List.of(m), OutcomeClassifier.standard());

        assertThat(reach.unreachedCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("H4: grouped by the school of the newest message about the student, schools and students by name; "
            + "entries without a student are left out; each address once per person, as the newest message has it")
    void groupingAndContacts() {
        Message older = message("m-1", 0, "Washington", EnumSet.of(Channel.VOICE),
                RecipientEntry.of(MOM, BAO, List.of(Device.of(Channel.VOICE, "(555) 010-0001", DeviceStatus.FAILED))),
                RecipientEntry.of(DAD, null, List.of(Device.of(Channel.VOICE, "555-010-0002", DeviceStatus.FAILED))));
        Message newer = message("m-2", 1, "Adams", EnumSet.of(Channel.VOICE),
                RecipientEntry.of(MOM, BAO, List.of(new Device(Channel.VOICE, "555.010.0001", DeviceOutcome.call(-2),
                        false, null))),
                RecipientEntry.of(DAD, AN, List.of()));
        Message other = message("m-3", 0, "Washington", EnumSet.of(Channel.VOICE),
                RecipientEntry.of(Person.of("p-3", "Ames, Al"), Person.of("s-3", "Ames, Zed"), List.of()),
                RecipientEntry.of(Person.of("p-3", "Ames, Al"), Person.of("s-4", "Ames, Amy"), List.of()));

        HouseholdReach reach = HouseholdReach.of(List.of(older, other, newer), OutcomeClassifier.standard());

        assertThat(reach.schools()).extracting(SchoolReach::school).containsExactly("Adams", "Washington");
        assertThat(reach.schools().get(0).students()).extracting(UnreachedStudent::student).containsExactly(AN, BAO);
        assertThat(reach.schools().get(1).students()).extracting(u -> u.student().name())
                .containsExactly("Ames, Amy", "Ames, Zed");
        UnreachedStudent bao = reach.schools().get(0).students().get(1);
        assertThat(bao.messageIds()).containsExactly("m-2", "m-1");
        assertThat(bao.contacts()).hasSize(1);
        assertThat(bao.contacts().get(0).devices()).extracting(Device::address).containsExactly("555.010.0001");
        assertThat(reach.studentsConsidered()).isEqualTo(4);
    }

    @Test
    @DisplayName("H4: a query needs a message kind and a valid range")
    void queryChecks() {
        assertThatThrownBy(() -> ReachQuery.of(java.time.LocalDate.of(2019, 12, 2), java.time.LocalDate.of(2019, 12, 2),
                Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message type kind");
        assertThat(ReachQuery.messengerMessages(java.time.LocalDate.of(2019, 12, 2),
                java.time.LocalDate.of(2019, 12, 2)).kinds()).containsExactly(
                dev.sentlog.core.message.MessageTypeKind.MESSENGER);
    }
}
