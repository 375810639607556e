package dev.sentlog.core.log;

import dev.sentlog.core.SentlogException;

/** A report named a device that is not in the reported job of its message. */
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
        super("job " + jobId + " of message " + messageId + " has no device " + deviceId);
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

    /** The device id reported. */
    public String deviceId() {
        return deviceId;
    }
}
