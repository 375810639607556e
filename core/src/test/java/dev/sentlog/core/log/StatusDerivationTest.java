package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusDerivationTest {

    @Test
    void M4_errorWhenNotEveryDeviceIsReportedWithinTheDefaultTwoHourWindow() {
        try (LogHarness h = new LogHarness(); LogCapture logs = LogCapture.start()) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.clock.advance(Duration.ofHours(2).minusSeconds(1));
            assertThat(h.log.tick()).isZero();
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);

            h.clock.advance(Duration.ofSeconds(1));
            assertThat(h.log.tick()).isEqualTo(1);
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.ERROR);
            assertThat(logs.text()).contains("message m-1: 6 device status(es) not reported within PT2H");
        }
    }

    @Test
    void M4_theWindowRunsFromTheLastProviderActivity() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.clock.advance(Duration.ofHours(1));
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            h.clock.advance(Duration.ofMinutes(119));
            h.log.tick();
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);
            h.clock.advance(Duration.ofMinutes(1));
            h.log.tick();
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.ERROR);
        }
    }

    @Test
    void M4_aRefreshThatBringsNoNewsDoesNotRestartTheWindow() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            for (int i = 0; i < 3; i++) {
                h.clock.advance(Duration.ofMinutes(50));
                h.log.refresh(TestMessages.admin(), "m-1"); // the provider answers the same report again
            }
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.ERROR);
        }
    }

    @Test
    void M4_theReportingWindowIsConfigurable() {
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.reportingWindow(Duration.ofMinutes(10)))) {
            h.log.record(message("m-1").build());
            h.clock.advance(Duration.ofMinutes(10));
            h.log.tick();
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.ERROR);
        }
    }

    @Test
    void M4_R1_refreshMovesAnErrorMessageOnWhenTheMissingReportsArrive() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.clock.advance(Duration.ofHours(3));
            h.log.tick();
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.ERROR);
            String job = h.provider.onlyJob();
            for (String d : h.provider.deviceIds(job)) {
                if (!d.equals("2.2")) {
                    h.provider.reach(job, d, d.startsWith("0.0") || d.equals("0.1")
                            ? DeviceOutcome.of(DeviceStatus.SENT) : DeviceOutcome.call(5), false, h.clock.instant());
                }
            }
            assertThat(h.log.refresh(admin(), "m-1").row().status()).as("Error -> Error while one is missing")
                    .isEqualTo(MessageStatus.ERROR);

            h.provider.reach(job, "2.2", DeviceOutcome.call(-28), false, h.clock.instant());
            assertThat(h.log.refresh(admin(), "m-1").row().status()).isEqualTo(MessageStatus.SENT);
        }
    }

    @Test
    void M3_K3_theOutcomeClassificationIsConfigurable() {
        OutcomeClassifier temporaryIsFinal = (channel, outcome, confirmed) ->
                outcome.equals(DeviceOutcome.call(17)) ? OutcomeClass.FAILURE
                        : OutcomeClassifier.standard().classify(channel, outcome, confirmed);
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"), b -> b.classifier(temporaryIsFinal))) {
            h.log.record(message("m-1").build());
            for (String d : h.provider.deviceIds(h.provider.onlyJob())) {
                h.push(d, d.equals("0.0") || d.equals("0.1") ? DeviceOutcome.of(DeviceStatus.SENT)
                        : DeviceOutcome.call(17));
            }
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.SENT);
        }
    }
}
