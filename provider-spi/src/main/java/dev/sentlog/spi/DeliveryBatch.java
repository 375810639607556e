package dev.sentlog.spi;

import java.util.List;
import java.util.Objects;

/**
 * The deliveries of one message handed to one provider. The log sends each device of a message to
 * one provider once, with device ids unique within the message; a provider may refuse a batch that
 * breaks this with a {@link ProviderException}. The batch's {@link BatchKey key} is the same when
 * the log hands the same deliveries over again (a hand-over resumed after a crash): a provider of
 * SPI version 2 answers such a repeat with the job it already has (DP-S6).
 *
 * @param key        names the batch: the message, the provider, the batch's number
 * @param deliveries the device deliveries, in recipient-list order, non-empty
 * @param content    what to deliver
 * @param options    delivery options
 */
public record DeliveryBatch(BatchKey key, List<DeliveryRequest> deliveries, DeliveryContent content,
                            DeliveryOptions options) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when there are no deliveries
     */
    public DeliveryBatch {
        Objects.requireNonNull(key, "key");
        deliveries = List.copyOf(deliveries);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        if (deliveries.isEmpty()) {
            throw new IllegalArgumentException("batch " + key + " has no deliveries");
        }
    }

    /**
     * The message's id, the same as the key's.
     *
     * @return {@code key().messageId()}
     */
    public String messageId() {
        return key.messageId();
    }
}
