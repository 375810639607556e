package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
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
     * Checks that the figures are consistent.
     *
     * @throws IllegalArgumentException naming the figure when one is negative, when an attempted
     *                                  figure exceeds its total, when Total No Device exceeds Total
     *                                  Recipients, or when the contacted and not contacted persons do
     *                                  not add up to Total Recipients
     */
    public DeliveryTotals {
        int[] figures = {totalRecipients, totalNoDevice, totalInbox, totalEmails, totalEmailsAttempted, totalVoice,
            totalVoiceAttempted, totalText, totalTextAttempted, contactedByPhone, notContactedByPhone};
        String[] names = {"totalRecipients", "totalNoDevice", "totalInbox", "totalEmails", "totalEmailsAttempted",
            "totalVoice", "totalVoiceAttempted", "totalText", "totalTextAttempted", "contactedByPhone",
            "notContactedByPhone"};
        for (int i = 0; i < figures.length; i++) {
            Checks.requireArgument(figures[i] >= 0, "%s must not be negative, was %d", names[i], figures[i]);
        }
        atMost("totalNoDevice", totalNoDevice, "totalRecipients", totalRecipients);
        atMost("totalEmailsAttempted", totalEmailsAttempted, "totalEmails", totalEmails);
        atMost("totalVoiceAttempted", totalVoiceAttempted, "totalVoice", totalVoice);
        atMost("totalTextAttempted", totalTextAttempted, "totalText", totalText);
        Checks.requireArgument(contactedByPhone + notContactedByPhone == totalRecipients,
                "contactedByPhone (%d) + notContactedByPhone (%d) must equal totalRecipients (%d)",
                contactedByPhone, notContactedByPhone, totalRecipients);
    }

    private static void atMost(String name, int value, String limitName, int limit) {
        Checks.requireArgument(value <= limit, "%s (%d) must not exceed %s (%d)", name, value, limitName, limit);
    }

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
