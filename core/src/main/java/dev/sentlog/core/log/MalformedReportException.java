package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.address.Addresses;

/**
 * A report whose content cannot apply to its device: a call status code or a confirmation on an
 * Inbox or Email device, an opt-out on a device other than Text (SPEC K1, J1).
 */
public class MalformedReportException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final String deviceId;

    /**
     * Creates the exception.
     *
     * @param messageId the message
     * @param deviceId  the device
     * @param problem   what is wrong
     */
    public MalformedReportException(String messageId, String deviceId, String problem) {
        super("report for device " + Addresses.maskInText(deviceId) + " of message " + messageId + " is malformed: " + problem);
        this.messageId = messageId;
        this.deviceId = deviceId;
    }

    /** The message. */
    public String messageId() {
        return messageId;
    }

    /** The device. */
    public String deviceId() {
        return deviceId;
    }
}
