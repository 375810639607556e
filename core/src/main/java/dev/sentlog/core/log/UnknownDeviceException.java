package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;
import dev.sentlog.core.address.Addresses;

/** A report named a device that is not in the reported job of its message. The message masks
 * anything in the provider-supplied ids that looks like an email address or a phone number. */
public class UnknownDeviceException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final String jobId;
    private final String deviceId;

    /**
     * Creates the exception.
     *
     * @param messageId the message of the job
     * @param jobId     the job
     * @param deviceId  the device id reported
     */
    public UnknownDeviceException(String messageId, String jobId, String deviceId) {
        super("job " + Addresses.maskInText(jobId) + " of message " + messageId + " has no device "
                + Addresses.maskInText(deviceId));
        this.messageId = messageId;
        this.jobId = jobId;
        this.deviceId = deviceId;
    }

    /** The message of the job. */
    public String messageId() {
        return messageId;
    }

    /** The job. */
    public String jobId() {
        return jobId;
    }

    /** The device id reported, as the provider sent it (unmasked: mask it before logging it). */
    public String deviceId() {
        return deviceId;
    }
}
