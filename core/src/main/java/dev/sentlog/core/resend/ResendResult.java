package dev.sentlog.core.resend;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.MessageStatus;

/**
 * A resend that was recorded (SPEC Y1-Y3).
 *
 * @param messageId the new message's id
 * @param status    its status after recording (V1)
 * @param sent      exactly what was sent: the preview it was recorded from (Y4)
 */
public record ResendResult(String messageId, MessageStatus status, ResendPreview sent) {

    /**
     * Validates the result.
     *
     * @throws NullPointerException when a component is null
     */
    public ResendResult {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(status, "status");
        Checks.requireNonNull(sent, "sent");
    }
}
