package dev.sentlog.core.log;

import static dev.sentlog.core.log.RecipientLogTest.push;
import static dev.sentlog.core.log.TestMessages.ALL_RIGHTS;
import static dev.sentlog.core.log.TestMessages.DAY;
import static dev.sentlog.core.log.TestMessages.HARRISON;
import static dev.sentlog.core.log.TestMessages.LINCOLN;
import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.reach.HouseholdReach;
import dev.sentlog.core.reach.ReachContact;
import dev.sentlog.core.reach.ReachQuery;
import dev.sentlog.core.reach.SchoolReach;
import dev.sentlog.core.reach.UnreachedStudent;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Household reach through the log (SPEC H4). The week: on Monday (m-1) both of Heather's numbers
 * fail; on Tuesday (m-2) her email for Calvin (s-1) is delivered, nothing for Hobbes (s-2); on
 * Wednesday a Behavior Referral (not a Messenger message, m-3) reaches her for Hobbes.
 */
class HouseholdReachTest {

    static final Instant TUESDAY = T0.plus(Duration.ofDays(1));
    static final Instant WEDNESDAY = T0.plus(Duration.ofDays(2));

    private static void week(LogHarness h) {
        h.log.record(message("m-1").build());
        push(h, 0, "0.2", DeviceOutcome.call(3));
        push(h, 0, "1.0", DeviceOutcome.call(-2));
        h.clock.set(TUESDAY);
        h.log.record(message("m-2").createdAt(TUESDAY).scheduledAt(TUESDAY).build());
        push(h, 1, "0.1", DeviceOutcome.of(DeviceStatus.SENT));
        push(h, 1, "1.0", DeviceOutcome.call(3));
        h.clock.set(WEDNESDAY);
        h.log.record(message("m-3").createdAt(WEDNESDAY).scheduledAt(WEDNESDAY).messageType("Behavior Referrals")
                .messageTypeKind(MessageTypeKind.NON_MESSENGER).build());
        push(h, 2, "1.0", DeviceOutcome.call(6));
    }

    @Test
    @DisplayName("H4: over the week's Messenger messages, the students nobody reached, by school, with each "
            + "entry's persons and devices to phone")
    void unreachedStudents() {
        try (LogHarness h = new LogHarness()) {
            week(h);

            HouseholdReach reach = h.log.householdReach(admin(), ReachQuery.messengerMessages(DAY, DAY.plusDays(6)));

            assertThat(reach.messagesConsidered()).as("m-3 is not a Messenger message").isEqualTo(2);
            assertThat(reach.studentsConsidered()).isEqualTo(2);
            assertThat(reach.schools()).extracting(SchoolReach::school).containsExactly(HARRISON);
            UnreachedStudent hobbes = reach.schools().get(0).students().get(0);
            assertThat(reach.unreachedCount()).as("Calvin's email was delivered on Tuesday").isEqualTo(1);
            assertThat(hobbes.student()).isEqualTo(Person.of("s-2", "Student, Hobbes"));
            assertThat(hobbes.messageIds()).containsExactly("m-2", "m-1");
            assertThat(hobbes.contacts()).extracting(c -> c.person().id()).containsExactly("p-1");
            ReachContact heather = hobbes.contacts().get(0);
            assertThat(heather.devices()).extracting(Device::channel, Device::address)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.VOICE, "555.123.4567"));
            assertThat(heather.devices().get(0).outcome()).as("the newest message's outcome")
                    .isEqualTo(DeviceOutcome.call(3));
        }
    }

    @Test
    @DisplayName("H4: with other message kinds included, the Behavior Referral that reached Hobbes's household counts")
    void otherKindsOnRequest() {
        try (LogHarness h = new LogHarness()) {
            week(h);

            HouseholdReach reach = h.log.householdReach(admin(), ReachQuery.of(DAY, DAY.plusDays(6),
                    EnumSet.allOf(MessageTypeKind.class)));

            assertThat(reach.messagesConsidered()).isEqualTo(3);
            assertThat(reach.schools()).isEmpty();
        }
    }

    @Test
    @DisplayName("H4, D3: a number that succeeded on one entry reaches every student whose entry holds it")
    void sharedNumberReachesEveryStudent() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            push(h, 0, "0.2", DeviceOutcome.call(5));

            HouseholdReach reach = h.log.householdReach(admin(), ReachQuery.messengerMessages(DAY, DAY));

            assertThat(reach.studentsConsidered()).isEqualTo(2);
            assertThat(reach.schools()).as("Hobbes's entry holds the number that reached Heather for Calvin").isEmpty();
        }
    }

    @Test
    @DisplayName("H4, T3: only the caller's schools count; without the Recipient Log right the call is refused")
    void scopeAndRight() {
        try (LogHarness h = new LogHarness()) {
            week(h);
            Caller lincoln = Caller.of("u-9", "Secretary, Sue", ALL_RIGHTS, Set.of(LINCOLN));
            Caller reader = Caller.of("u-1", "Administrator, System", EnumSet.of(ToolRight.READ_ADMINISTRATION_LOG),
                    Set.of()).inAdministrationLog();

            HouseholdReach reach = h.log.householdReach(lincoln, ReachQuery.messengerMessages(DAY, DAY.plusDays(6)));

            assertThat(reach.messagesConsidered()).isZero();
            assertThat(reach.schools()).isEmpty();
            assertThatThrownBy(() -> h.log.householdReach(reader, ReachQuery.messengerMessages(DAY, DAY)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Recipient Log");
        }
    }
}
