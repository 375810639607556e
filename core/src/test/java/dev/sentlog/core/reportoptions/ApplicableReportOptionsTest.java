package dev.sentlog.core.reportoptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApplicableReportOptionsTest {

    @Test
    @DisplayName("P1/S6: only the modes the message used can be picked; No Device always")
    void p1Devices() {
        Message m = MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL, Channel.VOICE)
                .status(MessageStatus.SENT).build();
        assertThat(ApplicableReportOptions.of(m).devices())
                .containsExactly(DeviceChoice.EMAIL, DeviceChoice.VOICE, DeviceChoice.NO_DEVICE);
    }

    @ParameterizedTest
    @EnumSource(MessageStatus.class)
    @DisplayName("P2: Failed Delivery is refused for Waiting and In-Progress messages, offered otherwise")
    void p2FailedDelivery(MessageStatus status) {
        Message m = MessageArbitraries.sampleBuilder("m-1").deliveryModes(Channel.EMAIL).status(status).build();
        boolean offered = ApplicableReportOptions.of(m).details().contains(ReportDetail.FAILED_DELIVERY);
        assertThat(offered).isEqualTo(status != MessageStatus.WAITING && status != MessageStatus.IN_PROGRESS);
        assertThat(ApplicableReportOptions.of(m).details()).contains(ReportDetail.ALL, ReportDetail.SUMMARY);
    }
}
