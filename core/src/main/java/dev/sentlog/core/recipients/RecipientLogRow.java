package dev.sentlog.core.recipients;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Sender;
import java.time.Instant;
import java.util.List;

/**
 * One message of a Recipient Log (SPEC H1).
 *
 * @param messageId   the message id (to select it in the Sent Message Log)
 * @param messageType the sending tool
 * @param subject     the subject
 * @param sender      the sender
 * @param createdAt   when the message was created
 * @param status      the message's status now
 * @param devices     the person's devices in it on the message's delivery modes (for an address: the
 *                    devices with that address), in recipient-list order, each with the outcome it
 *                    shows (D3)
 * @param reached     whether the person (the address) was reached: one of those devices shows success
 *                    (K3) on one of the message's delivery modes
 */
public record RecipientLogRow(String messageId, String messageType, String subject, Sender sender,
                              Instant createdAt, MessageStatus status, List<RecipientDevice> devices,
                              boolean reached) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component or a device is null
     */
    public RecipientLogRow {
        Checks.requireNonBlank(messageId, "row.messageId");
        Checks.requireNonNull(messageType, "row.messageType");
        Checks.requireNonNull(subject, "row.subject");
        Checks.requireNonNull(sender, "row.sender");
        Checks.requireNonNull(createdAt, "row.createdAt");
        Checks.requireNonNull(status, "row.status");
        devices = Checks.copyWithoutNulls(devices, "row.devices");
    }
}
