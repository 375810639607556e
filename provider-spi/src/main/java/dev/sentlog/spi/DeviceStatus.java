package dev.sentlog.spi;

/**
 * The status vocabulary of one delivery device (SPEC K1). Voice and Text devices may carry a
 * {@linkplain CallStatusCode call status code} instead; see {@link DeviceOutcome}.
 */
public enum DeviceStatus {
    /** Not yet handed to a provider. */
    PENDING("Pending"),
    /** Handed to a provider, no outcome yet. */
    IN_PROGRESS("In-Progress"),
    /** Delivered (Inbox), handed to the relay (Email), or the text was sent (Text). */
    SENT("Sent"),
    /** The provider reports the delivery failed. */
    FAILED("Failed"),
    /** Stopped before it was attempted (a cancel, or a recipient's confirmation, SPEC C2, R3). */
    CANCELED("Canceled"),
    /** The phone number opted out of text messages (Text only); shown blank in reports. */
    OPTED_OUT("");

    private final String label;

    DeviceStatus(String label) {
        this.label = label;
    }

    /** The label printed in the Delivery Detail; blank for {@link #OPTED_OUT} (SPEC P5). */
    public String label() {
        return label;
    }
}
