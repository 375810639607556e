package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.DeliveryOptions;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportApplicationTest {

    private static final DeviceOutcome CANCELED = DeviceOutcome.of(DeviceStatus.CANCELED);

    private static DeviceReport report(String device, DeviceOutcome outcome, long seq, Instant at) {
        return DeviceReport.of(device, outcome, false, device + "#" + seq + "@" + at, seq, at);
    }

    @Test
    void R2_theSameReportTwiceChangesNothing() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            DeviceReport r = report("0.2", DeviceOutcome.call(5), 1, T0);
            assertThat(h.log.acceptReports("sim", job, List.of(r))).isEqualTo(new ReportsApplied(1, 0, 0));
            Message before = h.snapshot("m-1");

            assertThat(h.log.acceptReports("sim", job, List.of(r, r))).isEqualTo(new ReportsApplied(0, 2, 0));
            assertThat(h.snapshot("m-1")).isEqualTo(before);
        }
    }

    @Test
    void R2_aReportOlderThanTheStoredOneIsIgnored_bySequenceThenTimestamp() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            h.log.acceptReports("sim", job, List.of(report("2.1", DeviceOutcome.call(17), 5, T0)));
            h.log.acceptReports("sim", job, List.of(report("2.1", DeviceOutcome.call(-39), 4, T0.plusSeconds(60))));
            assertThat(LogHarness.device(h.snapshot("m-1"), "2.1").outcome()).isEqualTo(DeviceOutcome.call(17));

            h.log.acceptReports("sim", job, List.of(report("2.1", DeviceOutcome.call(-39), 5, T0.minusSeconds(1))));
            assertThat(LogHarness.device(h.snapshot("m-1"), "2.1").outcome()).isEqualTo(DeviceOutcome.call(17));

            h.log.acceptReports("sim", job, List.of(report("2.1", DeviceOutcome.call(-39), 5, T0.plusSeconds(1))));
            assertThat(LogHarness.device(h.snapshot("m-1"), "2.1").outcome()).isEqualTo(DeviceOutcome.call(-39));
        }
    }

    @Test
    void R2_aFinalDeviceStatusIsNeverReplacedByANonFinalOne() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            h.log.acceptReports("sim", job, List.of(report("2.1", DeviceOutcome.call(5), 1, T0)));
            ReportsApplied later = h.log.acceptReports("sim", job,
                    List.of(report("2.1", DeviceOutcome.call(17), 9, T0.plusSeconds(60))));

            assertThat(later.ignored()).isEqualTo(1);
            assertThat(LogHarness.device(h.snapshot("m-1"), "2.1").outcome()).isEqualTo(DeviceOutcome.call(5));
        }
    }

    @Test
    void R3_aConfirmedVoiceCallStopsThePersonsVoiceAndTextDevicesNotYetAttempted() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("0.1", DeviceOutcome.of(DeviceStatus.SENT));
            DeviceReport confirmation = h.push("0.2", DeviceOutcome.call(5), true);
            assertThat(confirmation).isNotNull();

            Message m = h.snapshot("m-1");
            assertThat(LogHarness.device(m, "0.3").outcome()).as("Heather's text").isEqualTo(CANCELED);
            assertThat(LogHarness.device(m, "1.0").outcome()).as("Heather's voice in her second entry")
                    .isEqualTo(CANCELED);
            assertThat(LogHarness.device(m, "0.1").outcome()).as("email is not a phone device")
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.SENT));
            assertThat(LogHarness.device(m, "2.1").outcome()).as("another person")
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.IN_PROGRESS));

            ReportsApplied notFinal = h.log.acceptReports("sim", h.provider.onlyJob(),
                    List.of(report("1.0", DeviceOutcome.call(17), 98, T0.plusSeconds(4))));
            assertThat(notFinal.ignored()).as("R2: a non-final report never replaces the CANCELED").isEqualTo(1);
            ReportsApplied late = h.log.acceptReports("sim", h.provider.onlyJob(),
                    List.of(report("1.0", DeviceOutcome.call(5), 99, T0.plusSeconds(5))));
            assertThat(late.applied())
                    .as("C2/R2: the provider did attempt it after all; its final report replaces the log's guess")
                    .isEqualTo(1);
            assertThat(LogHarness.device(h.snapshot("m-1"), "1.0").outcome()).isEqualTo(DeviceOutcome.call(5));
        }
    }

    @Test
    void R3_phoneDevicesAlreadyAttemptedKeepTheirOutcome() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            h.push("1.0", DeviceOutcome.call(17)); // a call tried, the line temporarily unavailable: attempted
            ReportsApplied applied = h.log.acceptReports("sim", h.provider.onlyJob(), List.of(DeviceReport.of("0.2",
                    DeviceOutcome.call(6), true, "c1", 50, T0)));

            assertThat(applied).isEqualTo(new ReportsApplied(1, 0, 1));
            Message m = h.snapshot("m-1");
            assertThat(LogHarness.device(m, "1.0").outcome()).isEqualTo(DeviceOutcome.call(17));
            assertThat(LogHarness.device(m, "0.3").outcome()).isEqualTo(CANCELED);
            assertThat(LogHarness.device(m, "0.2").confirmed()).isTrue();
        }
    }

    @Test
    void aReportForAnUnknownJobIsRefusedNamingTheJob() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            assertThatThrownBy(() -> h.log.acceptReports("sim", "job-x", List.of()))
                    .isInstanceOf(UnknownJobException.class).hasMessageContaining("job-x").hasMessageContaining("sim");
            assertThatThrownBy(() -> h.log.acceptReports("other", h.provider.onlyJob(), List.of()))
                    .isInstanceOf(UnknownJobException.class);
        }
    }

    @Test
    void aReportForAnUnknownDeviceIsRefusedAndNothingOfItsBatchIsApplied() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            Message before = h.snapshot("m-1");
            for (String bad : List.of("9.0", "0.9", "2.0", "x.1", "01", "-1.0")) {
                assertThatThrownBy(() -> h.log.acceptReports("sim", job, List.of(
                        report("0.0", DeviceOutcome.of(DeviceStatus.SENT), 1, T0), report(bad,
                                DeviceOutcome.of(DeviceStatus.SENT), 1, T0))))
                        .isInstanceOf(UnknownDeviceException.class)
                        .hasMessageContaining("device " + bad).hasMessageContaining("m-1");
            }
            assertThat(h.snapshot("m-1")).isEqualTo(before);
        }
    }

    @Test
    void aMalformedReportIsRefusedNamingTheDeviceAndTheProblem() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            assertThatThrownBy(() -> h.log.acceptReports("sim", job, List.of(report("0.1", DeviceOutcome.call(5), 1,
                    T0)))).isInstanceOf(MalformedReportException.class)
                    .hasMessageContaining("device 0.1").hasMessageContaining("call status 5 Live Person on a Email");
            assertThatThrownBy(() -> h.log.acceptReports("sim", job, List.of(report("0.2",
                    DeviceOutcome.of(DeviceStatus.OPTED_OUT), 1, T0)))).isInstanceOf(MalformedReportException.class)
                    .hasMessageContaining("opt-out on a Voice device");
            assertThatThrownBy(() -> h.log.acceptReports("sim", job, List.of(DeviceReport.of("0.3",
                    DeviceOutcome.call(-27), true, "e", 1, T0)))).isInstanceOf(MalformedReportException.class)
                    .hasMessageContaining("confirmation on a Text device");
            assertThat(LogHarness.device(h.snapshot("m-1"), "0.1").outcome())
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.IN_PROGRESS));
        }
    }

    @Test
    void R1_garbageFromAPollIsLoggedWithMaskedAddressesAndSkipped() {
        try (LogHarness h = new LogHarness(); LogCapture logs = LogCapture.start()) {
            h.log.record(message("m-1").build());
            Message before = h.snapshot("m-1");
            h.provider.onPoll = ScriptedProvider.Behaviour.GARBAGE;

            h.log.refresh(admin(), "m-1");

            assertThat(h.snapshot("m-1")).isEqualTo(before);
            assertThat(logs.text()).contains("device 77.0").contains("device bogus")
                    .contains("malformed report for device 0.0 (h***)").doesNotContain("heather.portal");
        }
    }

    @Test
    void R1_aPollThatThrowsOrHangsKeepsEveryRecordedStatus() {
        try (LogHarness h = LogHarness.withShortProviderTimeout(); LogCapture logs = LogCapture.start()) {
            h.log.record(message("m-1").build());
            h.push("0.0", DeviceOutcome.of(DeviceStatus.SENT));
            Message before = h.snapshot("m-1");
            h.provider.onPoll = ScriptedProvider.Behaviour.THROW;
            h.log.refresh(admin(), "m-1");
            h.provider.onPoll = ScriptedProvider.Behaviour.HANG;
            h.log.refresh(admin(), "m-1");

            assertThat(h.snapshot("m-1")).isEqualTo(before);
            assertThat(logs.text()).contains("failed to poll message m-1").contains("did not poll message m-1");
        }
    }

    @Test
    void R1_refreshPullsTheLatestReportsAndDerivesTheStatus() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(message("m-1").build());
            String job = h.provider.onlyJob();
            for (String d : h.provider.deviceIds(job)) {
                h.provider.reach(job, d, d.equals("0.0") || d.equals("0.1") ? DeviceOutcome.of(DeviceStatus.SENT)
                        : DeviceOutcome.call(-28), false, T0.plus(Duration.ofMinutes(3)));
            }
            assertThat(h.snapshot("m-1").status()).isEqualTo(MessageStatus.IN_PROGRESS);

            MessageView v = h.log.refresh(admin(), "m-1");

            assertThat(v.row().status()).isEqualTo(MessageStatus.SENT);
            assertThat(v.summary().endedAt()).contains(T0.plus(Duration.ofMinutes(3)));
        }
    }

    @Test
    void R3_withConfirmationStoppingSwitchedOffAConfirmedCallStopsNothing() {
        try (LogHarness h = new LogHarness(ScriptedProvider.all("sim"),
                b -> b.deliveryOptions(new DeliveryOptions(false, false)))) {
            h.log.record(message("m-1").build());
            assertThat(h.provider.batches.get(h.provider.onlyJob()).options().confirmationStopsPhone()).isFalse();
            h.push("0.2", DeviceOutcome.call(5), true);
            assertThat(LogHarness.device(h.snapshot("m-1"), "0.3").outcome())
                    .isEqualTo(DeviceOutcome.of(DeviceStatus.IN_PROGRESS));
        }
    }
}
