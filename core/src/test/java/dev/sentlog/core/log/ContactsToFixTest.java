package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.HARRISON;
import static dev.sentlog.core.log.TestMessages.LINCOLN;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.ContactToFix;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.contacts.Evidence;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contacts to fix and "do not contact" (SPEC H3) through the log: the ledger is kept as reports
 * arrive. Seed rows (see {@link TestMessages#recipients()}): 0.1 Heather's email, 0.2 and 1.0 her
 * voice number 5551234567 (one address, two occurrences), 0.3 her text number, 2.1 Tom's voice
 * number with extension, 2.2 Tom's text number.
 */
class ContactsToFixTest {

    private static final String HEATHER_PHONE = "5551234567";
    private static final DeviceOutcome NOT_IN_SERVICE = DeviceOutcome.call(3);
    private static final DeviceOutcome INVALID_PHONE = DeviceOutcome.call(-2);
    private static final DeviceOutcome LIVE_PERSON = DeviceOutcome.call(5);
    private static final DeviceOutcome BUSY = DeviceOutcome.call(1);

    private LogHarness h = new LogHarness();

    @AfterEach
    void close() {
        h.close();
    }

    /** Records a message of the seed's recipients, created an hour after the previous one. */
    private void send(String id, String school) {
        h.clock.advance(Duration.ofHours(1));
        h.log.record(message(id).createdAt(h.clock.instant()).scheduledAt(h.clock.instant()).districtOrSchool(school)
                .build());
    }

    private String jobOf(String messageId) {
        return h.jobOf(messageId);
    }

    /** The provider reaches a device of a message a minute later and pushes its report. */
    private Instant report(String messageId, String deviceId, DeviceOutcome outcome) {
        return h.reportOn(messageId, deviceId, outcome);
    }

    private ContactToFix onlyToFix(ContactLists lists) {
        assertThat(lists.toFix()).hasSize(1);
        return lists.toFix().get(0);
    }

    @Test
    void H3_twoPermanentFailuresInDifferentMessages_listTheAddress_withEvidencePersonsSchoolsAndSince() {
        send("m-1", HARRISON);
        Instant first = report("m-1", "0.2", NOT_IN_SERVICE);
        report("m-1", "1.0", NOT_IN_SERVICE);
        assertThat(h.log.contacts(admin()).toFix()).as("H3: one message is one attempt, K = 2 needs two").isEmpty();

        send("m-2", LINCOLN);
        Instant second = report("m-2", "0.2", INVALID_PHONE);

        ContactToFix entry = onlyToFix(h.log.contacts(admin()));
        assertThat(entry.channel()).isEqualTo(Channel.VOICE);
        assertThat(entry.address()).isEqualTo(HEATHER_PHONE);
        assertThat(entry.since()).as("a message's attempt is its latest occurrence's").isEqualTo(
                first.plus(Duration.ofMinutes(1)));
        assertThat(entry.evidence()).containsExactly(
                new Evidence("m-2", LINCOLN, ContactKind.PERMANENT_FAILURE, INVALID_PHONE, second),
                new Evidence("m-1", HARRISON, ContactKind.PERMANENT_FAILURE, NOT_IN_SERVICE,
                        first.plus(Duration.ofMinutes(1))));
        assertThat(entry.persons()).containsExactly("p-1");
        assertThat(entry.schools()).containsExactly(HARRISON, LINCOLN);
    }

    @Test
    void H3_aLaterSuccessRemovesTheAddressByItself_andAnotherFailureBreaksTheStreak() {
        send("m-1", HARRISON);
        report("m-1", "0.2", NOT_IN_SERVICE);
        send("m-2", HARRISON);
        report("m-2", "0.2", NOT_IN_SERVICE);
        assertThat(onlyToFix(h.log.contacts(admin())).address()).isEqualTo(HEATHER_PHONE);

        send("m-3", HARRISON);
        report("m-3", "0.2", LIVE_PERSON);
        assertThat(h.log.contacts(admin()).toFix()).as("H3: a later success removes it").isEmpty();

        send("m-4", HARRISON);
        report("m-4", "0.2", NOT_IN_SERVICE);
        send("m-5", HARRISON);
        report("m-5", "0.2", BUSY);
        send("m-6", HARRISON);
        report("m-6", "0.2", NOT_IN_SERVICE);
        assertThat(h.log.contacts(admin()).toFix()).as("H3: busy says nothing about the number and breaks the run")
                .isEmpty();
    }

    @Test
    void H3_anOlderDeliverysReportArrivingLateDoesNotHideANewerSuccess_R2() {
        send("m-1", HARRISON);
        Instant reachedFirst = h.clock.instant().plusSeconds(10);
        send("m-2", HARRISON);
        Instant reachedSecond = h.clock.instant().plusSeconds(10);
        send("m-3", HARRISON);
        report("m-3", "0.2", LIVE_PERSON);
        for (String[] late : new String[][] {{"m-1", "0.2"}, {"m-2", "0.2"}}) {
            String job = jobOf(late[0]);
            DeviceReport r = h.provider.reach(job, late[1], NOT_IN_SERVICE, false,
                    late[0].equals("m-1") ? reachedFirst : reachedSecond);
            h.log.acceptReports("sim", job, List.of(r));
        }
        assertThat(h.log.contacts(admin()).toFix()).as("H3: the newest delivery is the success").isEmpty();
    }

    @Test
    void H3_aMessageWhereOneOccurrenceFailedOtherwiseIsNoPermanentFailure_D3() {
        send("m-1", HARRISON);
        report("m-1", "0.2", NOT_IN_SERVICE);
        report("m-1", "1.0", BUSY);
        send("m-2", HARRISON);
        report("m-2", "0.2", NOT_IN_SERVICE);
        assertThat(h.log.contacts(admin()).toFix()).as("H3: m-1's attempt on the number is a busy line").isEmpty();
        send("m-3", HARRISON);
        report("m-3", "0.2", INVALID_PHONE);
        assertThat(onlyToFix(h.log.contacts(admin())).evidence()).extracting(Evidence::messageId)
                .containsExactly("m-3", "m-2");
    }

    @Test
    void H3_kIsHostSettable() {
        h.close();
        h = new LogHarness(ScriptedProvider.all("sim"), b -> b.contactsToFixAfter(3));
        for (int i = 1; i <= 3; i++) {
            send("m-" + i, HARRISON);
            report("m-" + i, "0.2", NOT_IN_SERVICE);
            assertThat(h.log.contacts(admin()).toFix()).as("after %d failure(s)", i).hasSize(i < 3 ? 0 : 1);
        }
        assertThat(h.log.contacts(admin()).k()).isEqualTo(3);
        assertThatThrownBy(() -> SentMessageLog.builder().contactsToFixAfter(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 failure in a row, was 0");
    }

    @Test
    void H3_anEmailThatBouncedHardTwiceIsListed_eachWrongNumberCodeCounts() {
        for (int code : new int[] {3, -2, -7, 7, -23}) {
            assertThat(ContactKind.of(Channel.VOICE, DeviceOutcome.call(code), false,
                    dev.sentlog.spi.OutcomeClassifier.standard())).as("code %d", code)
                    .isEqualTo(ContactKind.PERMANENT_FAILURE);
        }
        send("m-1", HARRISON);
        report("m-1", "0.1", DeviceOutcome.of(DeviceStatus.FAILED));
        send("m-2", HARRISON);
        report("m-2", "0.1", DeviceOutcome.of(DeviceStatus.FAILED));
        ContactToFix entry = onlyToFix(h.log.contacts(admin()));
        assertThat(entry.channel()).isEqualTo(Channel.EMAIL);
        assertThat(entry.address()).as("normalised as in D1").isEqualTo("heather@nomail.com");
    }

    @Test
    void H3_optOutsAndDoNotCallAreListedApartAsDoNotContact_neverAsErrorsToFix() {
        send("m-1", HARRISON);
        report("m-1", "0.3", DeviceOutcome.call(-33));
        report("m-1", "2.1", DeviceOutcome.call(-3));
        send("m-2", HARRISON);
        report("m-2", "0.3", DeviceOutcome.of(DeviceStatus.OPTED_OUT));
        report("m-2", "2.1", DeviceOutcome.call(-3));

        ContactLists lists = h.log.contacts(admin());
        assertThat(lists.toFix()).isEmpty();
        assertThat(lists.doNotContact()).extracting(DoNotContact::channel, DoNotContact::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.VOICE, "5559990000x12"),
                        org.assertj.core.groups.Tuple.tuple(Channel.TEXT, HEATHER_PHONE));
        assertThat(lists.doNotContact().get(1).evidence()).extracting(Evidence::messageId)
                .containsExactly("m-2", "m-1");
    }

    @Test
    void H3_aFailingAddressMarkedDoNotContactLaterIsListedOnlyApart() {
        send("m-1", HARRISON);
        report("m-1", "0.2", NOT_IN_SERVICE);
        send("m-2", HARRISON);
        report("m-2", "0.2", NOT_IN_SERVICE);
        ContactToFix failing = onlyToFix(h.log.contacts(admin()));

        send("m-3", HARRISON);
        report("m-3", "0.2", DeviceOutcome.call(-3));

        ContactLists lists = h.log.contacts(admin());
        assertThat(lists.toFix()).as("a Do Not Call number is no error to fix, though its last attempts failed")
                .isEmpty();
        assertThat(lists.doNotContact()).extracting(DoNotContact::channel, DoNotContact::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(failing.channel(), failing.address()));
    }

    @Test
    void H3_aBatchThatIsRejectedChangesNoLedgerEntry_N1() {
        send("m-1", HARRISON);
        report("m-1", "0.2", NOT_IN_SERVICE);
        send("m-2", HARRISON);
        String job = jobOf("m-2");
        DeviceReport good = h.provider.reach(job, "0.2", NOT_IN_SERVICE, false, h.clock.instant());
        DeviceReport unknown = DeviceReport.of("9.9", NOT_IN_SERVICE, false, "e-x", 1, h.clock.instant());
        assertThatThrownBy(() -> h.log.acceptReports("sim", job, List.of(good, unknown)))
                .isInstanceOf(UnknownDeviceException.class);
        assertThat(h.log.contacts(admin()).toFix()).isEmpty();
    }

    @Test
    void H3_aCallerLimitedToSchoolsSeesOnlyTheirEvidence_T3_andTheListNeedsItsRight() {
        send("m-1", HARRISON);
        report("m-1", "0.2", NOT_IN_SERVICE);
        send("m-2", LINCOLN);
        report("m-2", "0.2", NOT_IN_SERVICE);
        send("m-3", HARRISON);
        report("m-3", "2.1", NOT_IN_SERVICE);
        send("m-4", HARRISON);
        report("m-4", "2.1", NOT_IN_SERVICE);

        Caller lincoln = Caller.of("u-9", "Secretary, Sue", EnumSet.of(ToolRight.CONTACTS), Set.of(LINCOLN));
        ContactToFix seen = onlyToFix(h.log.contacts(lincoln));
        assertThat(seen.address()).isEqualTo(HEATHER_PHONE);
        assertThat(seen.evidence()).extracting(Evidence::messageId).containsExactly("m-2");
        assertThat(seen.schools()).containsExactly(LINCOLN);
        assertThat(h.log.contacts(admin()).toFix()).hasSize(2);

        Caller noRight = Caller.of("u-9", "Secretary, Sue", EnumSet.of(ToolRight.READ_ADMINISTRATION_LOG), Set.of())
                .inAdministrationLog();
        assertThatThrownBy(() -> h.log.contacts(noRight)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("user u-9 lacks the Contacts right of the administration Sent Message Log");
    }
}
