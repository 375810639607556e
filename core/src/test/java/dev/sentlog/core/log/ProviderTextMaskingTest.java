package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.T0;
import static dev.sentlog.core.log.TestMessages.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sentlog.core.clock.ManualClock;
import dev.sentlog.core.fixtures.LogCapture;
import dev.sentlog.spi.CancelResult;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceReport;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.ProviderException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Text that providers supply (device ids, cancel answers, exception messages) reaches logs and
 * exception messages only with email addresses and phone numbers masked (issue 17, point 9).
 */
class ProviderTextMaskingTest {

    private static final String EMAIL = "heather.parent@nomail.com";
    private static final String PHONE = "(555) 123-4567";

    private static void assertNoPersonalData(String text) {
        assertThat(text).doesNotContain(EMAIL).doesNotContain(PHONE).doesNotContain("555) 123-4567")
                .doesNotContain("123-4567");
    }

    @Test
    @DisplayName("Polled reports on devices named by address are logged masked")
    void aPolledDeviceIdThatIsAnAddressIsLoggedMasked() {
        StubProvider p = new StubProvider();
        p.onPoll = job -> List.of(DeviceReport.of(EMAIL, DeviceOutcome.of(DeviceStatus.SENT), false, "e1", 1, T0),
                DeviceReport.of(PHONE, DeviceOutcome.call(5), false, "e2", 1, T0));
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(p).build()) {
            log.record(TestMessages.message("m-1").build());
            log.refresh(admin(), "m-1");
            assertThat(logs.text()).contains("reported on device h***@nomail.com").contains("***-**67");
            assertNoPersonalData(logs.text());
        }
    }

    @Test
    @DisplayName("C2: devices named in a cancel answer are logged masked")
    void devicesInACancelAnswerAreLoggedMasked() {
        StubProvider p = new StubProvider();
        p.onCancel = job -> new CancelResult(List.of(EMAIL, PHONE));
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(p).build()) {
            log.record(TestMessages.message("m-1").build());
            log.cancel(admin(), "m-1");
            assertThat(logs.text()).contains("canceled device h***@nomail.com");
            assertNoPersonalData(logs.text());
        }
    }

    @Test
    @DisplayName("A ProviderException message is logged with its addresses masked")
    void aProviderExceptionMessageIsLoggedMasked() {
        StubProvider p = new StubProvider();
        p.onPoll = job -> {
            throw new ProviderException("stub", "mailbox " + EMAIL + " and line " + PHONE + " unreachable");
        };
        try (LogCapture logs = LogCapture.start();
             SentMessageLog log = SentMessageLog.builder().clock(new ManualClock(T0)).provider(p)
                     .providerTimeout(Duration.ofSeconds(5)).build()) {
            log.record(TestMessages.message("m-1").build());
            log.refresh(admin(), "m-1");
            assertThat(logs.text()).contains("stub: mailbox h***@nomail.com and line ***-**67 unreachable");
            assertNoPersonalData(logs.text());
        }
    }

    @Test
    @DisplayName("UnknownDeviceException masks a device id that is an address")
    void unknownDeviceExceptionMasksTheDeviceId() {
        try (LogHarness h = new LogHarness()) {
            h.log.record(TestMessages.message("m-1").build());
            Throwable t = catchThrowable(() -> h.log.acceptReports("sim", h.provider.onlyJob(), List.of(
                    DeviceReport.of(EMAIL, DeviceOutcome.of(DeviceStatus.SENT), false, "e1", 1, T0))));
            assertThat(t).isInstanceOf(UnknownDeviceException.class).hasMessageContaining("h***@nomail.com");
            assertNoPersonalData(t.getMessage());
        }
    }
}
