package dev.sentlog.spi;

import java.util.Objects;

/**
 * Names one batch the log hands to a provider, the same on every hand-over of the same deliveries:
 * the message, the provider, and the batch's number among the batches of that message to that
 * provider. A provider that remembers the keys it accepted answers a repeated submit with the job
 * it already has (DP-S6), so a hand-over the log resumes after a crash delivers nothing twice.
 *
 * <p>{@link #toString()} is a stable text form to store: {@code <messageId>/<providerName>/<n>},
 * with {@code %} and {@code /} inside the ids written {@code %25} and {@code %2F}, so that two
 * different keys never have the same text. {@link #parse(String)} reads it back.
 *
 * @param messageId    the message's id, non-blank
 * @param providerName the provider's {@link DeliveryProvider#name() name}, non-blank
 * @param batchNumber  the batch's number among the message's batches to that provider, from 1
 */
public record BatchKey(String messageId, String providerName, int batchNumber) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     when an id is null
     * @throws IllegalArgumentException when an id is blank or the batch number is below 1
     */
    public BatchKey {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(providerName, "providerName");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("a batch key needs a message id; it was blank");
        }
        if (providerName.isBlank()) {
            throw new IllegalArgumentException("the batch key of message " + messageId + " needs a provider name;"
                    + " it was blank");
        }
        if (batchNumber < 1) {
            throw new IllegalArgumentException("the batch key of message " + messageId + " to provider "
                    + providerName + " has batch number " + batchNumber + "; batches are numbered from 1");
        }
    }

    /**
     * Reads the text form written by {@link #toString()}.
     *
     * @param text a key's text form
     * @return the key
     * @throws NullPointerException     when the text is null
     * @throws IllegalArgumentException when the text is not a key's text form; the message says
     *                                  which part is wrong
     */
    public static BatchKey parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a batch key reads <messageId>/<providerName>/<n>; '" + text
                    + "' has " + parts.length + " part(s)");
        }
        int number;
        try {
            number = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the batch number of batch key '" + text + "' is not a number: '"
                    + parts[2] + "'", e);
        }
        if (!parts[2].equals(Integer.toString(number))) {
            throw new IllegalArgumentException("the batch number of batch key '" + text + "' is not written in"
                    + " its plain form: '" + parts[2] + "'");
        }
        return new BatchKey(decode(parts[0], text), decode(parts[1], text), number);
    }

    /**
     * The stable text form {@code <messageId>/<providerName>/<n>}, ids escaped as the class
     * describes.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return encode(messageId) + "/" + encode(providerName) + "/" + batchNumber;
    }

    private static String encode(String id) {
        return id.replace("%", "%25").replace("/", "%2F");
    }

    private static String decode(String part, String text) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (part.startsWith("%25", i)) {
                out.append('%');
                i += 2;
            } else if (part.startsWith("%2F", i)) {
                out.append('/');
                i += 2;
            } else {
                throw new IllegalArgumentException("batch key '" + text + "' has a '%' at " + i + " of '" + part
                        + "' that starts neither %25 nor %2F");
            }
        }
        return out.toString();
    }
}
