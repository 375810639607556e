package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;

/**
 * What applying a set of device reports did (SPEC R2, R3).
 *
 * @param applied        reports that changed a device
 * @param ignored        reports that changed nothing: repeated, older, non-final over final, for a
 *                       canceled device, or (from a poll) naming an unknown device
 * @param canceledByConfirmation devices canceled because their person confirmed a call (R3)
 */
public record ReportsApplied(int applied, int ignored, int canceledByConfirmation) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public ReportsApplied {
        Checks.requireArgument(applied >= 0 && ignored >= 0 && canceledByConfirmation >= 0,
                "counts must not be negative: %d, %d, %d", applied, ignored, canceledByConfirmation);
    }

    /**
     * Returns the sums.
     *
     * @param other more counts
     * @return the sums
     */
    public ReportsApplied plus(ReportsApplied other) {
        return new ReportsApplied(applied + other.applied, ignored + other.ignored,
                canceledByConfirmation + other.canceledByConfirmation);
    }
}
