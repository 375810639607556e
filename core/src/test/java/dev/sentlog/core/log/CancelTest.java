package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelTest {

    private static final DeviceOutcome CANCELED = DeviceOutcome.of(DeviceStatus.CANCELED);

    @Test
    void C1_aSentOrFailedMessageCannotBeCanceled_theErrorNamesTheStatus() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            for (String d : h.provider.deviceIds(h.provider.onlyJob())) {
                h.push(d, d.equals("0.0") || d.equals("0.1") ? DeviceOutcome.of(DeviceStatus.SENT)
                        : DeviceOutcome.call(5));
            }
            assertThatThrownBy(() -> h.log.cancel(admin(), "m-1")).isInstanceOf(MessageNotCancelableException.class)
                    .hasMessageContaining("m-1 is Sent").extracting(e -> ((MessageNotCancelableException) e).status())
                    .isEqualTo(MessageStatus.SENT);

            h.provider.onSubmit = ScriptedProvider.Behaviour.THROW;
            h.log.record(message("m-2").build());
            assertThatThrownBy(() -> h.log.cancel(admin(), "m-2")).isInstanceOf(MessageNotCancelableException.class)
                    .hasMessageContaining("m-2 is Failed");
        }
    }

    @Test
    void C1_anErrorMessageCannotBeCanceled() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.clock.advance(Duration.ofHours(2));
            h.log.tick();
            assertThatThrownBy(() -> h.log.cancel(admin(), "m-1")).isInstanceOf(MessageNotCancelableException.class)
                    .hasMessageContaining("m-1 is Error");
        }
    }

    @Test
    void C3_aWaitingMessageCanceledIsCanceled_andNothingIsEverHandedOver() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").scheduledAt(T0.plus(Duration.ofHours(5))).build());
            Cancellation c = h.log.cancel(admin(), "m-1");

            assertThat(c).isEqualTo(new Cancellation(Person.of("u-1", "Administrator, System"), T0));
            Message m = h.snapshot("m-1");
            assertThat(m.status()).isEqualTo(MessageStatus.CANCELED);
            assertThat(m.cancellation()).contains(c);
            assertThat(LogHarness.device(m, "0.1").outcome()).isEqualTo(CANCELED);
            assertThat(LogHarness.device(m, "2.0").outcome()).as("a blank address is no delivery")
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.PENDING));

            h.clock.advance(Duration.ofHours(6));
            h.log.tick();
            assertThat(h.provider.submittedJobs).isEmpty();
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.CANCELED);
        }
    }

    @Test
    void C2_C3_cancelingInProgressStopsDevicesNotYetAttempted_attemptedOnesKeepTheirOutcome() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.push("2.1", DeviceOutcome.call(7));

            h.log.cancel(admin(), "m-1");

            Message m = h.snapshot("m-1");
            assertThat(m.status()).isEqualTo(MessageStatus.CANCELED_IP);
            assertThat(LogHarness.device(m, "0.0").outcome()).isEqualTo(DeviceOutcome.of(DeviceStatus.SENT));
            assertThat(LogHarness.device(m, "2.1").outcome()).isEqualTo(DeviceOutcome.call(7));
            for (String d : List.of("0.1", "0.2", "0.3", "1.0", "2.2")) {
                assertThat(LogHarness.device(m, d).outcome()).as(d).isEqualTo(CANCELED);
            }
        }
    }

    @Test
    void C4_theRequestIsRecordedAtOnce_theStatusChangesWhenTheProviderConfirms() {
        try (LogHarness h = LogHarness.withShortProviderTimeout(); LogCapture logs = LogCapture.start()) {
            h.log.record(message("m-1").build());
            h.provider.onCancel = ScriptedProvider.Behaviour.HANG;

            Cancellation first = h.log.cancel(admin(), "m-1");

            MessageView pending = h.log.select(admin(), "m-1");
            assertThat(pending.row().status()).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(pending.summary().cancellation()).contains(first);
            h.clock.advance(Duration.ofMinutes(1));
            Caller other = Caller.of("u-7", "Other, Olga", TestMessages.ALL_RIGHTS, java.util.Set.of())
                    .inAdministrationLog();
            assertThat(h.log.cancel(other, "m-1")).as("a second cancel returns the pending request")
                    .isEqualTo(first);
            assertThat(logs.text()).contains("did not cancel message m-1");

            h.provider.onCancel = ScriptedProvider.Behaviour.ANSWER;
            MessageView done = h.log.refresh(admin(), "m-1");
            assertThat(done.row().status()).isEqualTo(MessageStatus.CANCELED_IP);
            assertThat(done.summary().cancellation()).contains(first);
        }
    }

    @Test
    void C4_aDeviceInFlightAtTheCancelKeepsTheMessageRunningUntilItsFinalReport() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("2.1", DeviceOutcome.call(17));
            h.log.cancel(admin(), "m-1");
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);

            h.push("2.1", DeviceOutcome.call(5));
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.CANCELED_IP);
        }
    }

    @Test
    void C4_aCancelBeforeTheProvidersAnswerIsRetriedByRefresh() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.provider.onCancel = ScriptedProvider.Behaviour.THROW;
            h.log.cancel(admin(), "m-1");
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);
            h.provider.onCancel = ScriptedProvider.Behaviour.ANSWER;
            assertThat(h.log.refresh(admin(), "m-1").row().status()).isEqualTo(MessageStatus.CANCELED_IP);
        }
    }

    @Test
    void C2_aProviderAnsweringUnknownDevicesToACancelChangesNothingAndIsLogged() {
        try (LogHarness h = new LogHarness(); LogCapture logs = LogCapture.start()) {
            h.log.record(message("m-1").build());
            h.provider.onCancel = ScriptedProvider.Behaviour.GARBAGE;
            h.log.cancel(admin(), "m-1");
            assertThat(LogHarness.devices(h.snapshot("m-1"))).extracting(Device::outcome).doesNotContain(CANCELED);
            assertThat(logs.text()).contains("canceled device 999.999").contains("canceled device not-a-device");
        }
    }

    @Test
    void C5_canceledDeliveriesAreNotFailures_andACanceledDeviceNeverLaterSucceeds() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("0.2", DeviceOutcome.call(5));
            h.log.cancel(admin(), "m-1");
            ReportsApplied late = h.log.acceptReports("sim", h.provider.onlyJob(), List.of(DeviceReport.of("0.1",
                    DeviceOutcome.of(DeviceStatus.SENT), false, "late", 1_000, T0.plusSeconds(30))));
            assertThat(late.ignored()).isEqualTo(1);

            Message m = h.snapshot("m-1");
            assertThat(LogHarness.devices(m)).noneMatch(d -> OutcomeClassifier.standard()
                    .classify(d.channel(), d.outcome(), d.confirmed()) == OutcomeClass.FAILURE);
            DeliveryTotals totals = h.log.select(admin(), "m-1").summary().totals();
            assertThat(totals.totalEmails()).isEqualTo(1);
            assertThat(totals.totalEmailsAttempted()).isZero();
            assertThat(totals.totalVoiceAttempted()).as("only 555-123-4567 was attempted").isEqualTo(1);
            assertThat(totals.totalTextAttempted()).isZero();
        }
    }
}
