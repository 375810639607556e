package dev.sentlog.examples.json;

import dev.sentlog.core.message.Message;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A message read from a "sentlog-message/1" file, with the UTC offset its {@code createdAt} was
 * written with: the district's offset when the file gives no better zone.
 *
 * @param message         the message
 * @param createdAtOffset the offset of the file's {@code createdAt}
 */
public record ImportedMessage(Message message, ZoneOffset createdAtOffset) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public ImportedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAtOffset, "createdAtOffset");
    }
}
