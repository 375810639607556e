package dev.sentlog.core.retention;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;

/**
 * What one purge or redaction run did (SPEC X1, X2, X4): counts only.
 *
 * @param cutOff   messages created before this instant were due
 * @param messages messages purged (or redacted) by this run
 * @param devices  the devices those messages held
 * @param rows     stored rows removed (devices, recipients and the rest of what a message holds)
 * @param batches  batches run, each its own short transaction
 * @param skipped  due messages left alone because a legal hold (X3) was placed or their status was not
 *                 final when the run reached them
 */
public record RetentionResult(Instant cutOff, int messages, long devices, long rows, int batches, int skipped) {

    /**
     * Checks the counts.
     *
     * @throws NullPointerException     when the cut-off is null
     * @throws IllegalArgumentException when a count is negative
     */
    public RetentionResult {
        Checks.requireNonNull(cutOff, "cutOff");
        Checks.requireArgument(messages >= 0 && devices >= 0 && rows >= 0 && batches >= 0 && skipped >= 0,
                "retention counts must not be negative: %d messages, %d devices, %d rows, %d batches, %d skipped",
                messages, devices, rows, batches, skipped);
    }
}
