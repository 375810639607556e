package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.spi.Channel;
import java.io.ByteArrayOutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportOptionsValidationTest {

    private static Message emailOnly(MessageStatus status) {
        return MessageArbitraries.sampleBuilder("m-7").deliveryModes(Channel.EMAIL).status(status).recipients(List.of())
                .build();
    }

    @Test
    @DisplayName("P1: a device the message did not use is refused, naming it and what can be picked")
    void p1DeviceNotUsedIsRefused() {
        Message m = emailOnly(MessageStatus.SENT);
        ReportOptions o = new ReportOptions(EnumSet.of(DeviceChoice.EMAIL, DeviceChoice.VOICE), ReportDetail.ALL,
                ReportFormat.CSV);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> ReportFixtures.reports().write(m, o, out))
                .isInstanceOf(InvalidReportOptionsException.class)
                .isInstanceOf(SentlogException.class)
                .hasMessageContaining("m-7").hasMessageContaining("VOICE").hasMessageContaining("EMAIL")
                .satisfies(e -> {
                    InvalidReportOptionsException ex = (InvalidReportOptionsException) e;
                    assertThat(ex.messageId()).isEqualTo("m-7");
                    assertThat(ex.refusedDevices()).containsExactly(DeviceChoice.VOICE);
                    assertThat(ex.refusedDetail()).isEmpty();
                });
        assertThat(out.size()).as("nothing written").isZero();
    }

    @Test
    @DisplayName("P1: No Device can always be picked, even alone")
    void p1NoDeviceAlwaysAllowed() {
        Message m = emailOnly(MessageStatus.SENT);
        assertThatCode(() -> SentMessageReport.validate(m,
                new ReportOptions(Set.of(DeviceChoice.NO_DEVICE), ReportDetail.ALL, ReportFormat.PDF)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("P1: an empty device choice is refused")
    void p1EmptyDevicesRefused() {
        Message m = emailOnly(MessageStatus.SENT);
        assertThatThrownBy(() -> SentMessageReport.validate(m,
                new ReportOptions(Set.of(), ReportDetail.SUMMARY, ReportFormat.PDF)))
                .isInstanceOf(InvalidReportOptionsException.class)
                .hasMessageContaining("no delivery device");
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"WAITING", "IN_PROGRESS"})
    @DisplayName("P2: Failed Delivery is refused for Waiting and In-Progress messages, naming the status")
    void p2FailedDeliveryRefused(MessageStatus status) {
        Message m = emailOnly(status);
        assertThatThrownBy(() -> SentMessageReport.validate(m,
                new ReportOptions(Set.of(DeviceChoice.EMAIL), ReportDetail.FAILED_DELIVERY, ReportFormat.DOCX)))
                .isInstanceOf(InvalidReportOptionsException.class)
                .hasMessageContaining("Failed Delivery").hasMessageContaining(status.label())
                .satisfies(e -> {
                    InvalidReportOptionsException ex = (InvalidReportOptionsException) e;
                    assertThat(ex.status()).isEqualTo(status);
                    assertThat(ex.refusedDetail()).contains(ReportDetail.FAILED_DELIVERY);
                });
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"SENT", "ERROR", "FAILED", "CANCELED", "CANCELED_IP"})
    @DisplayName("P2: Failed Delivery is allowed for every other status")
    void p2FailedDeliveryAllowedOtherwise(MessageStatus status) {
        assertThatCode(() -> SentMessageReport.validate(emailOnly(status),
                new ReportOptions(Set.of(DeviceChoice.EMAIL), ReportDetail.FAILED_DELIVERY, ReportFormat.DOCX)))
                .doesNotThrowAnyException();
    }

    @Property(tries = 150)
    @Label("P1, P2: options are accepted exactly when they are within ApplicableReportOptions")
    void p1p2AcceptedIffApplicable(@ForAll("messages") Message m, @ForAll Set<DeviceChoice> devices,
                                   @ForAll ReportDetail detail) {
        ApplicableReportOptions a = ApplicableReportOptions.of(m);
        boolean applicable = !devices.isEmpty() && a.devices().containsAll(devices) && a.details().contains(detail);
        ReportOptions o = new ReportOptions(devices, detail, ReportFormat.CSV);
        if (applicable) {
            assertThatCode(() -> SentMessageReport.validate(m, o)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> SentMessageReport.validate(m, o)).isInstanceOf(InvalidReportOptionsException.class);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Message> messages() {
        return MessageArbitraries.message();
    }
}
