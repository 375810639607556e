package dev.sentlog.report;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Report options that do not apply to the message (SPEC P1, P2): a device the message did not use,
 * no device at all, or Failed Delivery for a Waiting or In-Progress message. Carries the message id,
 * its status and what was refused.
 */
public final class InvalidReportOptionsException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final MessageStatus status;
    private final EnumSet<DeviceChoice> refusedDevices;
    private final ReportDetail refusedDetail;

    InvalidReportOptionsException(String message, String messageId, MessageStatus status,
                                  Set<DeviceChoice> refusedDevices, ReportDetail refusedDetail) {
        super(message);
        this.messageId = messageId;
        this.status = status;
        this.refusedDevices = refusedDevices.isEmpty() ? EnumSet.noneOf(DeviceChoice.class)
                : EnumSet.copyOf(refusedDevices);
        this.refusedDetail = refusedDetail;
    }

    /** The id of the message the report was asked for. */
    public String messageId() {
        return messageId;
    }

    /** The message's status when the report was asked for. */
    public MessageStatus status() {
        return status;
    }

    /** The device choices the message did not use (SPEC P1); empty when the devices were not the problem. */
    public Set<DeviceChoice> refusedDevices() {
        return Collections.unmodifiableSet(refusedDevices);
    }

    /** The refused detail level (Failed Delivery for a Waiting or In-Progress message, SPEC P2), if it was. */
    public Optional<ReportDetail> refusedDetail() {
        return Optional.ofNullable(refusedDetail);
    }
}
