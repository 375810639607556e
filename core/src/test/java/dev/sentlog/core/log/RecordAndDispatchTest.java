package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.DAY;
import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.store.DuplicateMessageException;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeliveryRequest;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAndDispatchTest {

    private static final SearchCriteria TODAY_AND_TOMORROW = SearchCriteria.createdBetween(DAY, DAY.plusDays(1));

    @Test
    void V1_aMessageScheduledInTheFutureIsInTheLogAtOnceAsWaiting() {
        try (LogHarness h = new LogHarness()) {
            MessageStatus status = h.log.record(message("m-1").scheduledAt(T0.plus(Duration.ofDays(1))).build());

            assertThat(status).isEqualTo(MessageStatus.WAITING);
            assertThat(h.log.search(admin(), TODAY_AND_TOMORROW).rows())
                    .extracting(r -> r.id() + ":" + r.status()).containsExactly("m-1:WAITING");
            assertThat(h.provider.submittedJobs).isEmpty();

            h.clock.advance(Duration.ofDays(1));
            assertThat(h.log.tick()).isEqualTo(1);
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);
            assertThat(h.provider.submittedJobs).hasSize(1);
        }
    }

    @Test
    void V2_aSchedulerCreatedMessageIsInvisibleUntilItsStartTime() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-s").scheduleName("Missing Assignment - Daily")
                    .scheduledAt(T0.plus(Duration.ofHours(1))).build());

            assertThat(h.log.search(admin(), TODAY_AND_TOMORROW).totalMatched()).isZero();
            assertThatThrownBy(() -> h.log.select(admin(), "m-s")).isInstanceOf(MessageNotFoundException.class)
                    .hasMessage(new MessageNotFoundException("m-s").getMessage());
            assertThatThrownBy(() -> h.log.cancel(admin(), "m-s")).isInstanceOf(MessageNotFoundException.class);

            h.clock.advance(Duration.ofHours(1));
            assertThat(h.log.search(admin(), TODAY_AND_TOMORROW).rows()).extracting(r -> r.id())
                    .containsExactly("m-s");
            assertThat(h.log.select(admin(), "m-s").detail().scheduleName()).isEqualTo("Missing Assignment - Daily");
        }
    }

    @Test
    void D1_handoverUsesStableDeviceIdsAndNormalisedAddresses_andABlankAddressIsNoDevice() {
        try (LogHarness h = new LogHarness()) {
            assertThat(h.log.record(message("m-1").build())).isEqualTo(MessageStatus.IN_PROGRESS);

            List<DeliveryRequest> sent = h.provider.batches.get(h.provider.onlyJob()).deliveries();
            assertThat(sent).extracting(DeliveryRequest::deviceId)
                    .containsExactly("0.0", "0.1", "0.2", "0.3", "1.0", "2.1", "2.2");
            assertThat(sent).extracting(DeliveryRequest::address).containsExactly("heather.portal",
                    "heather@nomail.com", "5551234567", "5551234567", "5551234567", "5559990000x12", "5559990000");
            assertThat(sent).extracting(DeliveryRequest::personId)
                    .containsExactly("p-1", "p-1", "p-1", "p-1", "p-1", "p-2", "p-2");
            Message m = h.snapshot("m-1");
            assertThat(LogHarness.device(m, "0.1").outcome()).isEqualTo(DeviceOutcome.of(DeviceStatus.IN_PROGRESS));
            assertThat(LogHarness.device(m, "2.0").outcome()).isEqualTo(DeviceOutcome.of(DeviceStatus.PENDING));
            assertThat(m.startedAt()).contains(T0);
        }
    }

    @Test
    void M3_sentWhenEveryHandedOverDeviceHasAFinalOutcome_notWhenAllSucceeded() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.push("0.1", DeviceOutcome.of(DeviceStatus.FAILED));
            h.push("0.2", DeviceOutcome.call(-2));
            h.push("0.3", DeviceOutcome.call(-33));
            h.push("1.0", DeviceOutcome.call(6));
            h.push("2.1", DeviceOutcome.call(17));
            assertThat(h.snapshot("m-1").status()).as("17 is not final (K4)").isEqualTo(MessageStatus.IN_PROGRESS);
            h.push("2.2", DeviceOutcome.call(-28));
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);

            h.push("2.1", DeviceOutcome.call(5));

            Message m = h.snapshot("m-1");
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
            assertThat(m.endedAt()).contains(T0);
            assertThat(LogHarness.device(m, "0.1").outcome()).isEqualTo(DeviceOutcome.of(DeviceStatus.FAILED));
        }
    }

    @Test
    void M3_aMessageWithoutAnyDeliverableDeviceIsSentAtOnce() {
        try (LogHarness h = new LogHarness()) {
            Message m = message("m-0").recipients(List.of(RecipientEntry.of(Person.of("p-9", "Nobody, Ann"), null,
                    List.of(Device.of(Channel.EMAIL, " ", DeviceStatus.PENDING))))).build();
            assertThat(h.log.record(m)).isEqualTo(MessageStatus.SENT);
            assertThat(h.provider.submittedJobs).isEmpty();
        }
    }

    @Test
    void M5_failedWhenTheProviderThrowsOnSubmit_andTheProblemIsLoggedWithMaskedAddresses() {
        try (LogHarness h = new LogHarness(); LogCapture logs = LogCapture.start()) {
            h.provider.onSubmit = ScriptedProvider.Behaviour.THROW;
            assertThat(h.log.record(message("m-1").build())).isEqualTo(MessageStatus.FAILED);
            assertFailedAndLogged(h, logs.text());
        }
    }

    @Test
    void M5_failedWhenTheProviderHangsPastTheTimeout() {
        try (LogHarness h = LogHarness.withShortProviderTimeout(); LogCapture logs = LogCapture.start()) {
            h.provider.onSubmit = ScriptedProvider.Behaviour.HANG;
            assertThat(h.log.record(message("m-1").build())).isEqualTo(MessageStatus.FAILED);
            assertThat(logs.text()).contains("did not submit message m-1 within 300 ms");
            assertFailedAndLogged(h, logs.text());
        }
    }

    @Test
    void M5_failedWhenTheProviderAnswersABlankJobId() {
        try (LogHarness h = new LogHarness(); LogCapture logs = LogCapture.start()) {
            h.provider.onSubmit = ScriptedProvider.Behaviour.GARBAGE;
            assertThat(h.log.record(message("m-1").build())).isEqualTo(MessageStatus.FAILED);
            assertFailedAndLogged(h, logs.text());
        }
    }

    @Test
    void M5_failedWhenNoProviderServesTheMessagesChannels() {
        try (SentMessageLog log = SentMessageLog.builder().build(); LogCapture logs = LogCapture.start()) {
            assertThat(log.record(message("m-1").build())).isEqualTo(MessageStatus.FAILED);
            assertThat(logs.text()).contains("no delivery provider for 7 device(s)").doesNotContain("heather.portal");
        }
    }

    private static void assertFailedAndLogged(LogHarness h, String logged) {
        Message m = h.snapshot("m-1");
        assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(LogHarness.devices(m)).extracting(Device::outcome)
                .as("nothing was handed over, so nothing was attempted").containsOnly(
                        DeviceOutcome.of(DeviceStatus.PENDING));
        assertThat(logged).contains("message m-1").contains("h***")
                .doesNotContain("heather.portal").doesNotContain("heather@nomail.com").doesNotContain("5551234567");
    }

    @Test
    void M5_aBatchThatCannotBeHandedOverStaysPending_whileTheRestIsDelivered() {
        ScriptedProvider emailOnly = new ScriptedProvider("mail", EnumSet.of(Channel.INBOX, Channel.EMAIL));
        try (LogHarness h = new LogHarness(emailOnly)) {
            assertThat(h.log.record(message("m-1").build())).isEqualTo(MessageStatus.IN_PROGRESS);
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.push("0.1", DeviceOutcome.of(DeviceStatus.SENT));

            Message m = h.snapshot("m-1");
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
            assertThat(LogHarness.device(m, "0.2").outcome()).isEqualTo(DeviceOutcome.of(DeviceStatus.PENDING));
        }
    }

    @Test
    void recordRefusesAMessageThatIsNotANewSend() {
        try (LogHarness h = new LogHarness()) {
            assertThatThrownBy(() -> h.log.record(message("m-1").status(MessageStatus.SENT).build()))
                    .isInstanceOf(MessageNotRecordableException.class).hasMessageContaining("m-1")
                    .hasMessageContaining("Sent");
            Message withOutcome = message("m-2").recipients(List.of(RecipientEntry.of(Person.of("p-1", "A, B"), null,
                    List.of(Device.of(Channel.EMAIL, "a@b.c", DeviceStatus.SENT))))).build();
            assertThatThrownBy(() -> h.log.record(withOutcome)).isInstanceOf(MessageNotRecordableException.class)
                    .hasMessageContaining("device 0.0");
            h.log.record(message("m-3").build());
            assertThatThrownBy(() -> h.log.record(message("m-3").build()))
                    .isInstanceOf(DuplicateMessageException.class).hasMessageContaining("m-3");
        }
    }
}
