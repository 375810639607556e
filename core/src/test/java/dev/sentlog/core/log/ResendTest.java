package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.DAY;
import static dev.sentlog.core.log.TestMessages.TEACHER;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.resend.ResendRefusedException;
import dev.sentlog.core.resend.ResendResult;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Resend to those not reached (SPEC Y1-Y4) through the log. Seed rows (see
 * {@link TestMessages#recipients()}): Heather 0.0 inbox, 0.1 email, 0.2 voice, 0.3 text, 1.0 the
 * same voice number for her second student; Tom 2.0 blank email, 2.1 voice, 2.2 text; Ann no device.
 */
class ResendTest {

    private static final DeviceOutcome FAILED = DeviceOutcome.of(DeviceStatus.FAILED);

    private LogHarness h = new LogHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private String jobOf(String messageId) {
        return h.jobOf(messageId);
    }

    private void report(String messageId, String deviceId, DeviceOutcome outcome) {
        h.reportOn(messageId, deviceId, outcome);
    }

    /**
     * m-1 ends Sent: Heather not reached (inbox, email and voice failed, her text opted out, her
     * second voice occurrence failed too); Tom reached by voice, his text failed.
     */
    private void sendFirst() {
        h.log.record(message("m-1").build());
        report("m-1", "0.0", FAILED);
        report("m-1", "0.1", FAILED);
        report("m-1", "0.2", DeviceOutcome.call(1));
        report("m-1", "1.0", DeviceOutcome.call(0));
        report("m-1", "0.3", DeviceOutcome.call(-33));
        report("m-1", "2.1", DeviceOutcome.call(5));
        report("m-1", "2.2", DeviceOutcome.call(-30));
        assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.SENT);
    }

    /** Each entry as "person/student: CHANNEL address, ..." for comparison. */
    static List<String> lines(List<RecipientEntry> entries) {
        List<String> out = new ArrayList<>();
        for (RecipientEntry e : entries) {
            StringBuilder b = new StringBuilder(e.person().id()).append('/')
                    .append(e.student().map(p -> p.id()).orElse("-")).append(':');
            for (Device d : e.devices()) {
                b.append(' ').append(d.channel()).append(' ').append(d.address()).append(';');
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void Y1_notReached_goesToThePersonsWithNoSuccess_neverAnOptOutADuplicateOrASucceededAddress_D2_D3() {
        sendFirst();
        ResendPreview p = h.log.previewResend(admin(), "m-1", ResendAudience.NOT_REACHED);
        assertThat(lines(p.recipients())).containsExactly(
                "p-1/s-1: INBOX heather.portal; EMAIL  Heather@NoMail.com ; VOICE (555) 123-4567;");
        assertThat(p.deviceCount()).isEqualTo(3);
    }

    @Test
    void Y1_failedDevices_goesToEveryFailedDevice_whoeverItBelongsTo() {
        sendFirst();
        ResendPreview p = h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES);
        assertThat(lines(p.recipients())).containsExactly(
                "p-1/s-1: INBOX heather.portal; EMAIL  Heather@NoMail.com ; VOICE (555) 123-4567;",
                "p-2/-: TEXT 555-999-0000;");
    }

    @Test
    void Y1_anAddressThatSucceededOnAnyOccurrenceIsNeverResent_D3() {
        h.log.record(message("m-1").build());
        report("m-1", "0.2", DeviceOutcome.call(1));
        report("m-1", "1.0", DeviceOutcome.call(5));
        report("m-1", "0.0", FAILED);
        report("m-1", "0.1", FAILED);
        report("m-1", "0.3", DeviceOutcome.call(-30));
        report("m-1", "2.1", DeviceOutcome.call(0));
        report("m-1", "2.2", DeviceOutcome.call(-30));
        assertThat(lines(h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES).recipients()))
                .containsExactly("p-1/s-1: INBOX heather.portal; EMAIL  Heather@NoMail.com ; TEXT 555-123-4567;",
                        "p-2/-: VOICE 1-555-999-0000 x12; TEXT 555-999-0000;");
        assertThat(h.log.previewResend(admin(), "m-1", ResendAudience.NOT_REACHED).recipients())
                .as("Heather was reached through her shared voice number").extracting(e -> e.person().id())
                .containsExactly("p-2");
    }

    @Test
    void Y1_anAddressTheContactLedgerMarksDoNotContactIsNeverResent_H3() {
        h.log.record(message("m-0").build());
        report("m-0", "2.2", DeviceOutcome.call(-33));
        sendFirst();
        assertThat(lines(h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES).recipients()))
                .containsExactly("p-1/s-1: INBOX heather.portal; EMAIL  Heather@NoMail.com ; VOICE (555) 123-4567;");
    }

    @Test
    void Y1_aCanceledDeviceIsNeverResent_C5() {
        h.log.record(message("m-1").build());
        report("m-1", "0.0", FAILED);
        h.log.cancel(admin(), "m-1");
        assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.CANCELED_IP);
        assertThat(lines(h.log.previewResend(admin(), "m-1", ResendAudience.NOT_REACHED).recipients()))
                .containsExactly("p-1/s-1: INBOX heather.portal;");
    }

    @Test
    void Y1_Y3_theResendIsANewMessageWithTheOriginalsContent_recordedAsAnyOther_V1() {
        sendFirst();
        h.clock.advance(Duration.ofMinutes(30));
        ResendResult r = h.log.resend(admin(), "m-1", ResendAudience.NOT_REACHED, "m-1-r1");

        assertThat(r.messageId()).isEqualTo("m-1-r1");
        assertThat(r.status()).isEqualTo(MessageStatus.IN_PROGRESS);
        Message original = h.snapshot("m-1");
        Message resent = h.snapshot("m-1-r1");
        assertThat(resent.createdAt()).isEqualTo(h.clock.instant());
        assertThat(resent.subject()).isEqualTo(original.subject());
        assertThat(resent.body()).isEqualTo(original.body());
        assertThat(resent.text()).isEqualTo(original.text());
        assertThat(resent.emailAttachment()).isEqualTo(original.emailAttachment());
        assertThat(resent.audioFile()).isEqualTo(original.audioFile());
        assertThat(resent.messageType()).isEqualTo(original.messageType());
        assertThat(resent.sender()).isEqualTo(original.sender());
        assertThat(resent.deliveryModes()).isEqualTo(original.deliveryModes());
        assertThat(h.provider.batches.get(jobOf("m-1-r1")).deliveries()).hasSize(3);

        SearchCriteria today = SearchCriteria.createdBetween(DAY, DAY);
        assertThat(h.log.search(admin(), today).rows()).extracting(row -> row.id()).contains("m-1-r1");
        Caller sendersOwnLog = Caller.of("u-1", "Administrator, System", EnumSet.of(ToolRight.READ_OWN_LOG),
                Set.of());
        assertThat(h.log.search(sendersOwnLog, today).rows()).extracting(row -> row.id()).contains("m-1-r1");
    }

    @Test
    void Y2_onlyAFinalMessageCanBeResent_theRefusalNamesTheStatus() {
        h.log.record(message("m-1").build());
        assertThatThrownBy(() -> h.log.previewResend(admin(), "m-1", ResendAudience.NOT_REACHED))
                .isInstanceOf(ResendRefusedException.class)
                .hasMessage("message m-1 is In-Progress; only a Sent, Failed, Error or Canceled IP message can be resent");
        h.clock.advance(Duration.ofHours(3));
        h.log.tick();
        assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.ERROR);
        assertThat(h.log.previewResend(admin(), "m-1", ResendAudience.NOT_REACHED).recipients()).isNotEmpty();
    }

    @Test
    void Y2_oncePerOriginal_theRefusalNamesTheEarlierResend_andTheDetailLinksBothWays() {
        sendFirst();
        h.log.resend(admin(), "m-1", ResendAudience.NOT_REACHED, "m-1-r1");
        assertThatThrownBy(() -> h.log.resend(admin(), "m-1", ResendAudience.FAILED_DEVICES, "m-1-r2"))
                .isInstanceOf(ResendRefusedException.class).hasMessage("message m-1 was already resent as m-1-r1")
                .extracting(e -> ((ResendRefusedException) e).earlierResends()).isEqualTo(List.of("m-1-r1"));
        assertThatThrownBy(() -> h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES))
                .isInstanceOf(ResendRefusedException.class).hasMessageContaining("m-1-r1");
        assertThat(h.log.select(admin(), "m-1").detail().resends()).containsExactly("m-1-r1");
        assertThat(h.log.select(admin(), "m-1").detail().resendOf()).isEmpty();
        assertThat(h.log.select(admin(), "m-1-r1").detail().resendOf()).contains("m-1");
        assertThatThrownBy(() -> h.log.resend(admin(), "m-1", ResendAudience.FAILED_DEVICES, "m-1-r2"))
                .isInstanceOf(ResendRefusedException.class);
        assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void Y2_aHostMayAllowMoreResends() {
        h.close();
        h = new LogHarness(ScriptedProvider.all("sim"), b -> b.resendsPerOriginal(2));
        sendFirst();
        h.log.resend(admin(), "m-1", ResendAudience.NOT_REACHED, "m-1-r1");
        h.log.resend(admin(), "m-1", ResendAudience.FAILED_DEVICES, "m-1-r2");
        assertThatThrownBy(() -> h.log.resend(admin(), "m-1", ResendAudience.FAILED_DEVICES, "m-1-r3"))
                .hasMessage("message m-1 was already resent as m-1-r1, m-1-r2");
        assertThat(h.log.select(admin(), "m-1").detail().resends()).containsExactly("m-1-r1", "m-1-r2");
    }

    @Test
    void Y2_aResendWhoseIdIsTakenRecordsNothing_andLeavesTheAllowance() {
        sendFirst();
        h.log.record(message("taken").scheduledAt(TestMessages.T0.plus(Duration.ofDays(1))).build());
        assertThatThrownBy(() -> h.log.resend(admin(), "m-1", ResendAudience.NOT_REACHED, "taken"))
                .isInstanceOf(dev.sentlog.core.store.DuplicateMessageException.class);
        assertThat(h.log.select(admin(), "m-1").detail().resends()).isEmpty();
        assertThat(h.log.resend(admin(), "m-1", ResendAudience.NOT_REACHED, "m-1-r1").messageId()).isEqualTo("m-1-r1");
    }

    @Test
    void Y1_anAudienceWithoutADeviceIsRefused() {
        h.log.record(message("m-1").build());
        for (String d : List.of("0.0", "0.1", "0.2", "0.3", "1.0", "2.1", "2.2")) {
            report("m-1", d, d.equals("0.0") || d.equals("0.1") ? DeviceOutcome.of(DeviceStatus.SENT)
                    : DeviceOutcome.call(d.endsWith(".3") || d.equals("2.2") ? -28 : 5));
        }
        assertThat(h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES).recipients()).isEmpty();
        assertThatThrownBy(() -> h.log.resend(admin(), "m-1", ResendAudience.FAILED_DEVICES, "m-1-r1"))
                .isInstanceOf(ResendRefusedException.class)
                .hasMessage("message m-1 has no device to resend to for audience FAILED_DEVICES");
    }

    @Test
    void Y3_resendNeedsItsOwnRight_withinTheScopeCancelUses_T2_T3() {
        sendFirst();
        Caller readOnly = Caller.of("u-1", "Administrator, System", EnumSet.of(ToolRight.READ_ADMINISTRATION_LOG,
                ToolRight.CANCEL_ADMINISTRATION_LOG), Set.of()).inAdministrationLog();
        assertThatThrownBy(() -> h.log.previewResend(readOnly, "m-1", ResendAudience.NOT_REACHED))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("user u-1 lacks the Resend right of the administration Sent Message Log");
        assertThatThrownBy(() -> h.log.resend(readOnly, "m-1", ResendAudience.NOT_REACHED, "m-1-r1"))
                .isInstanceOf(AccessDeniedException.class);
        Caller ownRights = Caller.of("u-1", "Administrator, System", EnumSet.of(ToolRight.READ_OWN_LOG,
                ToolRight.RESEND_OWN_LOG), Set.of());
        assertThat(h.log.previewResend(ownRights, "m-1", ResendAudience.NOT_REACHED).recipients()).hasSize(1);
    }

    @Test
    void Y3_aMessageOutOfScopeIsRefusedExactlyAsAMissingOne_T4() {
        sendFirst();
        Caller teacher = Caller.of(TEACHER.id(), TEACHER.name(), EnumSet.of(ToolRight.READ_OWN_LOG,
                ToolRight.RESEND_OWN_LOG), Set.of());
        Caller otherSchool = Caller.of("u-1", "Administrator, System", EnumSet.allOf(ToolRight.class),
                Set.of(TestMessages.LINCOLN)).inAdministrationLog();
        for (Caller c : List.of(teacher, otherSchool)) {
            Throwable outOfScope = org.assertj.core.api.Assertions.catchThrowable(
                    () -> h.log.resend(c, "m-1", ResendAudience.NOT_REACHED, "m-1-r1"));
            Throwable missing = org.assertj.core.api.Assertions.catchThrowable(
                    () -> h.log.resend(c, "m-404", ResendAudience.NOT_REACHED, "m-1-r1"));
            assertThat(outOfScope).isInstanceOf(MessageNotFoundException.class)
                    .hasMessage(missing.getMessage().replace("m-404", "m-1"));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> h.log.previewResend(c, "m-1", ResendAudience.NOT_REACHED)))
                    .isInstanceOf(MessageNotFoundException.class);
        }
        assertThat(h.log.select(admin(), "m-1").detail().resends()).isEmpty();
    }

    @Test
    void Y4_thePreviewIsExactlyWhatIsThenSent() {
        sendFirst();
        ResendPreview preview = h.log.previewResend(admin(), "m-1", ResendAudience.FAILED_DEVICES);
        ResendResult sent = h.log.resend(admin(), "m-1", ResendAudience.FAILED_DEVICES, "m-1-r1");
        assertThat(sent.sent()).isEqualTo(preview);
        assertThat(lines(h.snapshot("m-1-r1").recipients())).isEqualTo(lines(preview.recipients()));
        List<String> handedOver = new ArrayList<>();
        h.provider.batches.get(jobOf("m-1-r1")).deliveries().forEach(d -> handedOver.add(d.channel() + " "
                + d.address()));
        assertThat(handedOver).containsExactly("INBOX heather.portal", "EMAIL heather@nomail.com",
                "VOICE 5551234567", "TEXT 5559990000");
    }
}
