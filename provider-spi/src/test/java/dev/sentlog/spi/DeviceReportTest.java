package dev.sentlog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeviceReportTest {

    private static final Instant T = Instant.parse("2019-12-02T14:55:00Z");

    @Test
    @DisplayName("R2: a report is newer by sequence first, then by time")
    void r2Newer() {
        DeviceReport a = DeviceReport.of("0.0", DeviceOutcome.call(17), false, "e1", 1, T);
        DeviceReport b = DeviceReport.of("0.0", DeviceOutcome.call(5), false, "e2", 2, T.minusSeconds(60));
        DeviceReport c = DeviceReport.of("0.0", DeviceOutcome.call(5), false, "e3", 2, T);
        assertThat(b.isNewerThan(a)).isTrue();
        assertThat(a.isNewerThan(b)).isFalse();
        assertThat(c.isNewerThan(b)).isTrue();
        assertThat(c.isNewerThan(c)).isFalse();
    }

    @Test
    @DisplayName("a report carries an optional reason and rejects a negative sequence")
    void reasonAndValidation() {
        assertThat(DeviceReport.of("0.0", DeviceOutcome.of(DeviceStatus.FAILED), false, "e", 0, T).reason()).isEmpty();
        assertThat(new DeviceReport("0.0", DeviceOutcome.of(DeviceStatus.FAILED), false, "e", 0, T, "bounced")
                .reason()).contains("bounced");
        assertThatThrownBy(() -> DeviceReport.of("7.1", DeviceOutcome.call(5), false, "e", -1, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7.1").hasMessageContaining("-1");
    }
}
