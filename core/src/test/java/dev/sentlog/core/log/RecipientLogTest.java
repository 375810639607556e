package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.ALL_RIGHTS;
import static dev.sentlog.core.log.TestMessages.DAY;
import static dev.sentlog.core.log.TestMessages.LINCOLN;
import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.recipients.RecipientDevice;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientLogRow;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.search.InvalidDateRangeException;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Recipient Log through the log (SPEC H1, H2). The week: m-1 on Monday (Heather's shared voice
 * number fails on her first entry and succeeds on her second), m-2 on Tuesday (nothing reached yet),
 * m-3 on Wednesday to Lincoln Elementary, Tom only.
 */
class RecipientLogTest {

    static final Instant MONDAY = T0;
    static final Instant TUESDAY = T0.plus(Duration.ofDays(1));
    static final Instant WEDNESDAY = T0.plus(Duration.ofDays(2));

    /** Records the week and pushes m-1's outcomes. */
    static void week(LogHarness h) {
        h.log.record(message("m-1").createdAt(MONDAY).scheduledAt(MONDAY).build());
        push(h, 0, "0.2", DeviceOutcome.call(3));
        push(h, 0, "1.0", DeviceOutcome.call(5));
        push(h, 0, "2.1", DeviceOutcome.call(-2));
        push(h, 0, "2.2", DeviceOutcome.call(-7));
        h.clock.set(TUESDAY);
        h.log.record(message("m-2").createdAt(TUESDAY).scheduledAt(TUESDAY).build());
        h.clock.set(WEDNESDAY);
        h.log.record(message("m-3").createdAt(WEDNESDAY).scheduledAt(WEDNESDAY).districtOrSchool(LINCOLN)
                .recipients(List.of(RecipientEntry.of(Person.of("p-2", "Parent, Tom"), null, List.of(
                        Device.of(Channel.EMAIL, "tom@nomail.com", DeviceStatus.PENDING))))).build());
    }

    /** The provider reaches a device of the n-th message recorded and pushes the report. */
    static void push(LogHarness h, int message, String deviceId, DeviceOutcome outcome) {
        String job = h.provider.submittedJobs.get(message);
        DeviceReport r = h.provider.reach(job, deviceId, outcome, false, h.clock.instant());
        h.log.acceptReports("sim", job, List.of(r));
    }

    private static RecipientLog personLog(LogHarness h, Caller caller, String person) {
        return h.log.recipientLog(caller, RecipientQuery.person(person, DAY, DAY.plusDays(6)));
    }

    @Test
    @DisplayName("H1: a person's messages newest first, each with type, subject, sender, created, status, the "
            + "person's devices with outcome and time, and whether the person was reached")
    void personNewestFirst() {
        try (LogHarness h = new LogHarness()) {
            week(h);

            RecipientLog log = personLog(h, admin(), "p-1");

            assertThat(log.rows()).extracting(RecipientLogRow::messageId).containsExactly("m-2", "m-1");
            assertThat(log.totalMatched()).isEqualTo(2);
            assertThat(log.isCut()).isFalse();
            RecipientLogRow monday = log.rows().get(1);
            assertThat(monday.messageType()).isEqualTo("Message Builder - General Notification");
            assertThat(monday.subject()).isEqualTo("School is cancelled");
            assertThat(monday.sender()).isEqualTo(TestMessages.ADMIN);
            assertThat(monday.createdAt()).isEqualTo(MONDAY);
            assertThat(monday.status()).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(monday.devices()).extracting(RecipientDevice::channel).containsExactly(Channel.INBOX,
                    Channel.EMAIL, Channel.VOICE, Channel.TEXT, Channel.VOICE);
            assertThat(monday.devices()).extracting(d -> d.student().map(Person::id).orElse(""))
                    .containsExactly("s-1", "s-1", "s-1", "s-1", "s-2");
            assertThat(monday.reached()).as("her voice number succeeded").isTrue();
            assertThat(log.rows().get(0).reached()).as("nothing reached on Tuesday yet").isFalse();
            assertThat(log.rows().get(0).devices()).allSatisfy(d -> assertThat(d.outcomeClass())
                    .isIn(OutcomeClass.IN_FLIGHT, OutcomeClass.NOT_ATTEMPTED));
        }
    }

    @Test
    @DisplayName("H1, D2, D3: every occurrence of a shared number shows the shared outcome and its time; the "
            + "second occurrence is marked duplicate")
    void duplicateShowsSharedOutcome() {
        try (LogHarness h = new LogHarness()) {
            week(h);

            RecipientLogRow monday = personLog(h, admin(), "p-1").rows().get(1);

            RecipientDevice first = monday.devices().get(2);
            RecipientDevice second = monday.devices().get(4);
            assertThat(first.address()).isEqualTo("(555) 123-4567");
            assertThat(first.outcome()).as("D3: the failed first occurrence shows the shared success")
                    .isEqualTo(DeviceOutcome.call(5));
            assertThat(first.outcomeClass()).isEqualTo(OutcomeClass.SUCCESS);
            assertThat(first.duplicate()).isFalse();
            assertThat(second.address()).isEqualTo("555.123.4567");
            assertThat(second.outcome()).isEqualTo(DeviceOutcome.call(5));
            assertThat(second.duplicate()).as("D2").isTrue();
            assertThat(first.time()).isEqualTo(second.time()).contains(MONDAY);
        }
    }

    @Test
    @DisplayName("H1: a person whose every device failed was not reached")
    void failedEverywhereIsNotReached() {
        try (LogHarness h = new LogHarness()) {
            week(h);

            RecipientLog tom = personLog(h, admin(), "p-2");

            assertThat(tom.rows()).extracting(RecipientLogRow::messageId).containsExactly("m-3", "m-2", "m-1");
            RecipientLogRow monday = tom.rows().get(2);
            assertThat(monday.reached()).isFalse();
            assertThat(monday.devices()).extracting(RecipientDevice::outcome).containsExactly(
                    DeviceOutcome.of(DeviceStatus.PENDING), DeviceOutcome.call(-2), DeviceOutcome.call(-7));
        }
    }

    @Test
    @DisplayName("H1, D1: by address, normalised on its channel: the voice number finds both of Heather's "
            + "occurrences, the text number only the text device")
    void byAddress() {
        try (LogHarness h = new LogHarness()) {
            week(h);

            RecipientLog voice = h.log.recipientLog(admin(),
                    RecipientQuery.address(Channel.VOICE, "+1 555 123 4567", DAY, DAY.plusDays(6)));
            RecipientLog text = h.log.recipientLog(admin(),
                    RecipientQuery.address(Channel.TEXT, "5551234567", DAY, DAY));
            RecipientLog email = h.log.recipientLog(admin(),
                    RecipientQuery.address(Channel.EMAIL, "HEATHER@nomail.com", DAY, DAY.plusDays(6)));

            assertThat(voice.rows()).extracting(RecipientLogRow::messageId).containsExactly("m-2", "m-1");
            assertThat(voice.rows().get(1).devices()).extracting(RecipientDevice::address)
                    .containsExactly("(555) 123-4567", "555.123.4567");
            assertThat(voice.rows().get(1).reached()).isTrue();
            assertThat(text.rows()).extracting(RecipientLogRow::messageId).as("S1: Monday only").containsExactly("m-1");
            assertThat(text.rows().get(0).devices()).extracting(RecipientDevice::channel).containsExactly(Channel.TEXT);
            assertThat(email.rows().get(0).devices()).extracting(RecipientDevice::address)
                    .containsExactly(" Heather@NoMail.com ");
        }
    }

    @Test
    @DisplayName("H1, S1, S2: the created-date range is whole days in the district's zone; the cap keeps the newest "
            + "and says the result was cut; a reversed range is refused")
    void rangeAndCap() {
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.searchCap(1))) {
            week(h);

            RecipientLog capped = personLog(h, admin(), "p-2");
            RecipientLog tuesday = h.log.recipientLog(admin(), RecipientQuery.person("p-2", DAY.plusDays(1),
                    DAY.plusDays(1)));

            assertThat(capped.rows()).extracting(RecipientLogRow::messageId).containsExactly("m-3");
            assertThat(capped.totalMatched()).isEqualTo(3);
            assertThat(capped.isCut()).isTrue();
            assertThat(tuesday.rows()).extracting(RecipientLogRow::messageId).containsExactly("m-2");
            assertThatThrownBy(() -> RecipientQuery.person("p-2", DAY, DAY.minusDays(1)))
                    .isInstanceOf(InvalidDateRangeException.class);
        }
    }

    @Test
    @DisplayName("H2: the Recipient Log needs its own right; the Read rights of the logs are not enough")
    void needsItsOwnRight() {
        try (LogHarness h = new LogHarness()) {
            week(h);
            Caller reader = Caller.of("u-1", "Administrator, System", EnumSet.of(ToolRight.READ_OWN_LOG,
                    ToolRight.READ_ADMINISTRATION_LOG), Set.of()).inAdministrationLog();

            assertThatThrownBy(() -> personLog(h, reader, "p-1")).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("user u-1 lacks the Read right of the Recipient Log");
        }
    }

    @Test
    @DisplayName("H2, T3, T4: a caller limited to a school sees only that school's messages; a person outside the "
            + "scope answers exactly as a person with no messages")
    void schoolScope() {
        try (LogHarness h = new LogHarness()) {
            week(h);
            Caller lincoln = Caller.of("u-9", "Secretary, Sue", ALL_RIGHTS, Set.of(LINCOLN));

            RecipientLog heather = personLog(h, lincoln, "p-1");
            RecipientLog nobody = personLog(h, lincoln, "p-404");
            RecipientLog tom = personLog(h, lincoln, "p-2");

            assertThat(heather).isEqualTo(nobody);
            assertThat(heather.rows()).isEmpty();
            assertThat(heather.totalMatched()).isZero();
            assertThat(tom.rows()).extracting(RecipientLogRow::messageId).containsExactly("m-3");
            assertThat(tom.totalMatched()).as("no hint of Harrison's messages").isEqualTo(1);
        }
    }
}
