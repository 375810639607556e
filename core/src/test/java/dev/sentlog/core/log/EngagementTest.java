package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.DAY;
import static dev.sentlog.core.log.TestMessages.HARRISON;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.contacts.ContactLists;
import dev.sentlog.core.contacts.DoNotContact;
import dev.sentlog.core.contacts.Evidence;
import dev.sentlog.core.engagement.DeviceEngagement;
import dev.sentlog.core.engagement.MessageEngagement;
import dev.sentlog.core.engagement.Reaction;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.recipients.RecipientDevice;
import dev.sentlog.core.recipients.RecipientLog;
import dev.sentlog.core.recipients.RecipientQuery;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceFeedback;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.FeedbackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engagement (SPEC H5) through the log: feedback pushed or polled is recorded per device with its
 * time, never changes an outcome (R2), and an unsubscribe or a complaint makes the address "do not
 * contact" (H3) so a resend leaves it out (Y1). Seed rows (see {@link TestMessages#recipients()}):
 * Heather 0.0 inbox, 0.1 email, 0.2 voice, 0.3 text, 1.0 the same voice number; Tom 2.0 blank email,
 * 2.1 voice, 2.2 text; Ann no device.
 */
class EngagementTest {

    private static final DeviceOutcome SENT = DeviceOutcome.of(DeviceStatus.SENT);
    private static final DeviceOutcome FAILED = DeviceOutcome.of(DeviceStatus.FAILED);

    private final LogHarness h = new LogHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private Instant later(int minutes) {
        h.clock.advance(Duration.ofMinutes(minutes));
        return h.clock.instant();
    }

    private int push(String messageId, DeviceFeedback... feedback) {
        return h.log.acceptFeedback("sim", h.jobOf(messageId), List.of(feedback));
    }

    private static DeviceFeedback feedback(String deviceId, FeedbackKind kind, String eventId, Instant at) {
        return new DeviceFeedback(deviceId, kind, eventId, at);
    }

    private MessageEngagement engagement(String messageId) {
        return h.log.engagement(admin(), messageId);
    }

    @Test
    void H5_pushedFeedbackIsRecordedPerDeviceWithItsTime_eachEventOnce_firstTimeAndCountPerKind() {
        h.log.record(message("m-1").build());
        h.reportOn("m-1", "0.1", SENT);
        Instant opened = later(5);
        Instant clicked = later(1);
        Instant reopened = later(30);

        int first = push("m-1", feedback("0.1", FeedbackKind.OPENED, "e-1", opened),
                feedback("0.1", FeedbackKind.CLICKED, "e-2", clicked),
                feedback("2.2", FeedbackKind.OPENED, "e-3", clicked));
        int second = push("m-1", feedback("0.1", FeedbackKind.OPENED, "e-1", opened),
                feedback("0.1", FeedbackKind.OPENED, "e-4", reopened));

        assertThat(first).isEqualTo(3);
        assertThat(second).as("H5: the same event twice is recorded once").isEqualTo(1);
        MessageEngagement e = engagement("m-1");
        assertThat(e.device(0, 1)).contains(new DeviceEngagement(0, 1, List.of(
                new Reaction(FeedbackKind.OPENED, opened, reopened, 2),
                new Reaction(FeedbackKind.CLICKED, clicked, clicked, 1))));
        assertThat(e.device(2, 2)).contains(new DeviceEngagement(2, 2, List.of(
                new Reaction(FeedbackKind.OPENED, clicked, clicked, 1))));
        assertThat(e.device(0, 0)).as("a device without feedback").isEmpty();
        assertThat(e.devices()).hasSize(2);
    }

    @Test
    void H5_R2_feedbackNeverChangesAnOutcomeTheStatusOrTheSummary() {
        h.log.record(message("m-1").build());
        h.reportOn("m-1", "0.1", FAILED);
        h.reportOn("m-1", "0.3", DeviceOutcome.call(-28));
        Message before = h.snapshot("m-1");
        DeliverySummary summary = h.log.select(admin(), "m-1").summary();

        push("m-1", feedback("0.1", FeedbackKind.OPENED, "e-1", later(1)),
                feedback("0.1", FeedbackKind.COMPLAINED, "e-2", later(1)),
                feedback("0.3", FeedbackKind.UNSUBSCRIBED, "e-3", later(1)));

        assertThat(h.snapshot("m-1")).as("R2: devices, outcomes and status unchanged").isEqualTo(before);
        assertThat(h.log.select(admin(), "m-1").summary()).as("R2: summary unchanged").isEqualTo(summary);
    }

    @Test
    void H5_aPushedBatchWithAnUnknownJobAnUnknownDeviceOrAVoiceDeviceIsRefusedWhole() {
        h.log.record(message("m-1").build());
        String job = h.jobOf("m-1");
        Instant at = later(1);
        DeviceFeedback good = feedback("0.1", FeedbackKind.OPENED, "e-1", at);

        assertThatThrownBy(() -> h.log.acceptFeedback("sim", "no-such-job", List.of(good)))
                .isInstanceOf(UnknownJobException.class);
        assertThatThrownBy(() -> h.log.acceptFeedback("sim", job, List.of(good,
                feedback("9.9", FeedbackKind.OPENED, "e-2", at)))).isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> h.log.acceptFeedback("sim", job, List.of(good,
                feedback("0.2", FeedbackKind.OPENED, "e-3", at)))).isInstanceOf(MalformedReportException.class)
                .hasMessageContaining("only Email and Text carry feedback");
        assertThatThrownBy(() -> h.log.acceptFeedback("sim", job, java.util.Arrays.asList(good, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("feedback[1]");

        assertThat(engagement("m-1").isEmpty()).as("H5: nothing of a refused batch is recorded").isTrue();
    }

    @Test
    void H5_R1_refreshAsksTheProviderForFeedback_andRecordsItOnce() {
        h.log.record(message("m-1").build());
        h.reportOn("m-1", "0.1", SENT);
        Instant opened = later(3);
        h.provider.feedback.put(h.jobOf("m-1"), List.of(feedback("0.1", FeedbackKind.OPENED, "e-1", opened),
                feedback("0.1", FeedbackKind.OPENED, "e-1", opened),
                feedback("9.9", FeedbackKind.OPENED, "e-9", opened),
                feedback("0.2", FeedbackKind.OPENED, "e-8", opened)));

        h.log.refresh(admin(), "m-1");
        h.log.refresh(admin(), "m-1");

        assertThat(engagement("m-1").devices()).as("H5: polled feedback is recorded leniently, once")
                .containsExactly(new DeviceEngagement(0, 1, List.of(
                        new Reaction(FeedbackKind.OPENED, opened, opened, 1))));
    }

    @Test
    void H3_H5_aComplaintOrAnUnsubscribeListsTheAddressAsDoNotContact_withItsEvidence_neverAsAnErrorToFix() {
        h.log.record(message("m-1").build());
        h.reportOn("m-1", "0.1", SENT);
        h.reportOn("m-1", "2.2", DeviceOutcome.call(-28));
        Instant complained = later(2);
        Instant unsubscribed = later(2);
        push("m-1", feedback("0.1", FeedbackKind.OPENED, "e-1", complained),
                feedback("0.1", FeedbackKind.COMPLAINED, "e-2", complained),
                feedback("2.2", FeedbackKind.UNSUBSCRIBED, "e-3", unsubscribed));

        ContactLists lists = h.log.contacts(admin());
        assertThat(lists.toFix()).isEmpty();
        assertThat(lists.doNotContact()).extracting(DoNotContact::channel, DoNotContact::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "heather@nomail.com"),
                        org.assertj.core.groups.Tuple.tuple(Channel.TEXT, "5559990000"));
        Evidence complaint = lists.doNotContact().get(0).evidence().get(0);
        assertThat(complaint).isEqualTo(new Evidence("m-1", HARRISON, ContactKind.COMPLAINED, SENT, complained));
        assertThat(complaint.describe()).isEqualTo("Complained (after Sent)");
        assertThat(lists.doNotContact().get(0).persons()).containsExactly("p-1");
        assertThat(lists.doNotContact().get(1).evidence()).extracting(Evidence::kind)
                .containsExactly(ContactKind.UNSUBSCRIBED);
    }

    @Test
    void Y1_H5_aResendLeavesOutAnAddressWhoseRecipientComplained() {
        h.log.record(message("m-0").build());
        h.reportOn("m-0", "0.1", SENT);
        push("m-0", feedback("0.1", FeedbackKind.COMPLAINED, "e-1", later(1)));
        h.log.record(message("m-1").build());
        h.reportOn("m-1", "0.0", FAILED);
        h.reportOn("m-1", "0.1", FAILED);
        h.reportOn("m-1", "0.2", DeviceOutcome.call(1));
        h.reportOn("m-1", "1.0", DeviceOutcome.call(0));
        h.reportOn("m-1", "0.3", DeviceOutcome.call(-33));
        h.reportOn("m-1", "2.1", DeviceOutcome.call(5));
        h.reportOn("m-1", "2.2", DeviceOutcome.call(-30));

        assertThat(ResendTest.lines(h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES).recipients()))
                .containsExactly("p-1/s-1: INBOX heather.portal; VOICE (555) 123-4567;", "p-2/-: TEXT 555-999-0000;");
    }

    @Test
    void H1_H5_theRecipientLogShowsEachDevicesOwnEngagementBesideItsOutcome() {
        h.log.record(message("m-1").build());
        h.reportOn("m-1", "0.1", SENT);
        Instant opened = later(4);
        push("m-1", feedback("0.1", FeedbackKind.OPENED, "e-1", opened));

        RecipientLog log = h.log.recipientLog(admin(), RecipientQuery.person("p-1", DAY, DAY.plusDays(1)));

        assertThat(log.rows()).hasSize(1);
        List<RecipientDevice> devices = log.rows().get(0).devices();
        RecipientDevice email = devices.stream().filter(d -> d.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(email.outcome()).as("R2: the outcome stays").isEqualTo(SENT);
        assertThat(email.engagement()).contains(new DeviceEngagement(0, 1, List.of(
                new Reaction(FeedbackKind.OPENED, opened, opened, 1))));
        assertThat(devices.stream().filter(d -> d.channel() != Channel.EMAIL))
                .allSatisfy(d -> assertThat(d.engagement()).isEmpty());
    }

    @Test
    void H5_T4_engagementOfAMessageOutsideTheCallersScopeIsNotFound() {
        h.log.record(message("m-1").build());
        Caller other = Caller.of("u-9", "Teacher, Other", TestMessages.ALL_RIGHTS, java.util.Set.of("Lincoln"));
        assertThatThrownBy(() -> h.log.engagement(other.inAdministrationLog(), "m-1"))
                .isInstanceOf(MessageNotFoundException.class);
    }
}
