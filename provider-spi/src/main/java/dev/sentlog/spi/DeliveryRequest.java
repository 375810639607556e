package dev.sentlog.spi;

import java.util.Objects;

/**
 * One device delivery inside a {@link DeliveryBatch}.
 *
 * @param deviceId the log's id for the device; reports name it
 * @param channel  the channel
 * @param address  the normalised address (SPEC D1): lower-case email, phone digits with
 *                 {@code x} and the extension digits, or the portal account id
 * @param personId the person the device belongs to (a confirmation stops that person's further
 *                 voice calls and texts, SPEC R3)
 */
public record DeliveryRequest(String deviceId, Channel channel, String address, String personId) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public DeliveryRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(personId, "personId");
    }
}
