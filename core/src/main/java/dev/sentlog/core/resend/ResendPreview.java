package dev.sentlog.core.resend;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.RecipientEntry;
import java.util.List;

/**
 * Who a resend would go to, on which device (SPEC Y4): exactly the recipient list the resend is
 * recorded with. Every device is PENDING.
 *
 * @param originalId the message resent
 * @param audience   the audience chosen
 * @param recipients the new message's recipient entries, in the original's order
 */
public record ResendPreview(String originalId, ResendAudience audience, List<RecipientEntry> recipients) {

    /**
     * Validates and copies the preview.
     *
     * @throws NullPointerException when a component or entry is null
     */
    public ResendPreview {
        Checks.requireNonNull(originalId, "originalId");
        Checks.requireNonNull(audience, "audience");
        recipients = Checks.copyWithoutNulls(recipients, "recipients");
    }

    /** The number of devices the resend would deliver to. */
    public int deviceCount() {
        int n = 0;
        for (RecipientEntry e : recipients) {
            n += e.devices().size();
        }
        return n;
    }
}
