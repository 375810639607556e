package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.provider.simulated.SimulatedProvider;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The log driven end to end by the project's simulated provider (R1, M3, M4, C2, C3, R3). */
class SimulatedProviderThroughLogTest {

    private static SentMessageLog log(ManualClock clock, UnaryOperator<SimulatedProvider.Builder> settings) {
        SimulatedProvider p = settings.apply(SimulatedProvider.builder().clock(clock).seed(7)).build();
        return SentMessageLog.builder().clock(clock).zone(LogHarness.CHICAGO).provider(p).build();
    }

    private static boolean allFinal(Message m) {
        return LogHarness.devices(m).stream().filter(d -> !d.isBlank()).allMatch(d -> OutcomeClassifier.standard()
                .classify(d.channel(), d.outcome(), d.confirmed()).isFinal());
    }

    @Test
    void R1_M3_refreshingAfterTheProviderFinishedGivesSent() {
        ManualClock clock = new ManualClock(TestMessages.T0);
        try (SentMessageLog log = log(clock, b -> b.confirmationRate(0.5))) {
            log.record(message("m-1").build());
            clock.advance(Duration.ofSeconds(30));
            log.refresh(admin(), "m-1");
            clock.advance(Duration.ofMinutes(5));

            MessageView v = log.refresh(admin(), "m-1");

            assertThat(v.row().status()).isEqualTo(MessageStatus.SENT);
            Message m = log.printable(admin(), "m-1");
            assertThat(allFinal(m)).isTrue();
            assertThat(v.summary().endTime()).isPresent();
        }
    }

    @Test
    void M4_silentDevicesTurnTheMessageToErrorAfterTheWindow() {
        ManualClock clock = new ManualClock(TestMessages.T0);
        try (SentMessageLog log = log(clock, b -> b.silenceRate(1.0))) {
            log.record(message("m-1").build());
            clock.advance(Duration.ofMinutes(10));
            log.refresh(admin(), "m-1");
            clock.advance(Duration.ofHours(2));
            log.tick();
            assertThat(log.printable(admin(), "m-1").status()).isEqualTo(MessageStatus.ERROR);
        }
    }

    @Test
    void C2_C3_aCancelBeforeAnyAttemptStopsEveryDevice_theMessageEndsCanceledIp() {
        ManualClock clock = new ManualClock(TestMessages.T0);
        try (SentMessageLog log = log(clock, b -> b)) {
            log.record(message("m-1").build());
            log.cancel(admin(), "m-1");
            clock.advance(Duration.ofMinutes(10));
            MessageView v = log.refresh(admin(), "m-1");

            assertThat(v.row().status()).isEqualTo(MessageStatus.CANCELED_IP);
            assertThat(LogHarness.devices(log.printable(admin(), "m-1"))).filteredOn(d -> !d.isBlank())
                    .extracting(Device::outcome).containsOnly(DeviceOutcome.of(DeviceStatus.CANCELED));
            assertThat(v.summary().totals().totalEmailsAttempted()).isZero();
        }
    }
}
