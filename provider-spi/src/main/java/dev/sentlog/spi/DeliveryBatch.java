package dev.sentlog.spi;

import java.util.List;
import java.util.Objects;

/**
 * The deliveries of one message handed to one provider. The log sends each device of a message to
 * one provider once, with device ids unique within the message; a provider may refuse a batch that
 * breaks this with a {@link ProviderException}.
 *
 * @param messageId  the message's id
 * @param deliveries the device deliveries, in recipient-list order, non-empty
 * @param content    what to deliver
 * @param options    delivery options
 */
public record DeliveryBatch(String messageId, List<DeliveryRequest> deliveries, DeliveryContent content,
                            DeliveryOptions options) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when there are no deliveries
     */
    public DeliveryBatch {
        Objects.requireNonNull(messageId, "messageId");
        deliveries = List.copyOf(deliveries);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        if (deliveries.isEmpty()) {
            throw new IllegalArgumentException("a batch for message " + messageId + " has no deliveries");
        }
    }
}
