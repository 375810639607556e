package dev.sentlog.core.totals;

import dev.sentlog.core.message.Message;

/**
 * The Delivery Summary figures of one message (SPEC D4), with the names of the JSON {@code totals}
 * output (SPEC J3).
 *
 * <p>Duplicates (SPEC D2) are never counted; all occurrences of one address on one channel share
 * one outcome (D3). Each figure covers the devices of the message's delivery modes only.
 *
 * @param totalRecipients     distinct persons in the recipient list, with or without a device
 * @param totalNoDevice       distinct persons with no device on any of the message's delivery modes
 * @param totalInbox          distinct inboxes whose status is SENT
 * @param totalEmails         distinct email addresses, every status
 * @param totalEmailsAttempted distinct email addresses attempted (neither PENDING nor CANCELED)
 * @param totalVoice          distinct voice numbers, every status
 * @param totalVoiceAttempted distinct voice numbers attempted
 * @param totalText           distinct text numbers, every status, opt-outs included
 * @param totalTextAttempted  distinct text numbers attempted and not opted out
 * @param contactedByPhone    distinct persons with at least one successful voice or text address
 * @param notContactedByPhone {@code totalRecipients - contactedByPhone}
 */
public record DeliveryTotals(
        int totalRecipients,
        int totalNoDevice,
        int totalInbox,
        int totalEmails,
        int totalEmailsAttempted,
        int totalVoice,
        int totalVoiceAttempted,
        int totalText,
        int totalTextAttempted,
        int contactedByPhone,
        int notContactedByPhone) {

    /**
     * The totals of a message under the standard classification.
     *
     * @param message the message
     * @return its totals
     */
    public static DeliveryTotals of(Message message) {
        return DeliveryAnalysis.of(message).totals();
    }
}
