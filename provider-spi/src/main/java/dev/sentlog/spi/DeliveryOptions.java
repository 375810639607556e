package dev.sentlog.spi;

/**
 * Options a provider honours when it can.
 *
 * @param multipleMessagesPerCall deliver several messages to one phone number in a single call
 *                                ("Allow Multiple Messages in a Single Call")
 * @param confirmationStopsPhone  a recipient pressing 0 stops that person's further voice calls
 *                                and texts in this message (SPEC R3)
 */
public record DeliveryOptions(boolean multipleMessagesPerCall, boolean confirmationStopsPhone) {

    /** The defaults: one message per call, confirmation stops further phone deliveries. */
    public static DeliveryOptions defaults() {
        return new DeliveryOptions(false, true);
    }
}
