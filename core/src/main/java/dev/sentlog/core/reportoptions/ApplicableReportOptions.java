package dev.sentlog.core.reportoptions;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.spi.Channel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Sent Message Report options that apply to one message (SPEC S6, P1, P2): the device choices
 * are the message's delivery modes plus No Device; Failed Delivery is offered unless the message
 * is Waiting or In-Progress.
 *
 * @param devices the device choices that may be picked
 * @param details the detail levels that may be picked
 */
public record ApplicableReportOptions(Set<DeviceChoice> devices, Set<ReportDetail> details) {

    /**
     * Copies the sets.
     *
     * @throws NullPointerException when a set is null
     */
    public ApplicableReportOptions {
        devices = Collections.unmodifiableSet(copy(Checks.requireNonNull(devices, "devices"), DeviceChoice.class));
        details = Collections.unmodifiableSet(copy(Checks.requireNonNull(details, "details"), ReportDetail.class));
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> set, Class<E> type) {
        return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
    }

    /**
     * The options that apply to a message: the Summary detail only for a redacted message (SPEC X2).
     *
     * @param message the message
     * @return its options
     */
    public static ApplicableReportOptions of(Message message) {
        EnumSet<DeviceChoice> devices = EnumSet.of(DeviceChoice.NO_DEVICE);
        for (Channel c : message.deliveryModes()) {
            devices.add(DeviceChoice.of(c));
        }
        if (message.redaction().isPresent()) {
            // X2: the delivery rows and the message detail are erased; only the Summary prints
            return new ApplicableReportOptions(devices, EnumSet.of(ReportDetail.SUMMARY));
        }
        EnumSet<ReportDetail> details = EnumSet.of(ReportDetail.ALL, ReportDetail.SUMMARY);
        if (message.status() != MessageStatus.WAITING && message.status() != MessageStatus.IN_PROGRESS) {
            details.add(ReportDetail.FAILED_DELIVERY);
        }
        return new ApplicableReportOptions(devices, details);
    }
}
