package dev.sentlog.core.retention;

import dev.sentlog.core.internal.Checks;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

/**
 * A district's retention settings (SPEC X1, X2): how long messages keep their personal data, how long
 * they are kept at all, and how a run divides its work. Immutable; {@link #of} sets the batching
 * defaults, the {@code with...} methods change one setting.
 *
 * @param purgeAfter      a message created longer ago than this (in the district's calendar) is purged
 * @param redactAfter     a message created longer ago than this loses its personal data; shorter than
 *                        {@code purgeAfter}
 * @param batchSize       the most rows one batch (one short transaction) removes; default
 *                        {@value #DEFAULT_BATCH_SIZE}
 * @param maxTimePerBatch a batch that takes longer halves the batch size for the rest of the run (down
 *                        to one row), so a store under load is not held for long; default one second
 */
public record RetentionSettings(Period purgeAfter, Period redactAfter, int batchSize, Duration maxTimePerBatch) {

    /** The default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    /** The default longest time of one batch. */
    public static final Duration DEFAULT_MAX_TIME_PER_BATCH = Duration.ofSeconds(1);

    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     when a setting is null, naming it
     * @throws IllegalArgumentException naming the setting when a period is zero or negative, the
     *                                  redaction period is not shorter than the purge period, the batch
     *                                  size is below 1 or the batch time is not positive
     */
    public RetentionSettings {
        Checks.requireNonNull(purgeAfter, "retention purgeAfter");
        Checks.requireNonNull(redactAfter, "retention redactAfter");
        Checks.requireNonNull(maxTimePerBatch, "retention maxTimePerBatch");
        Checks.requireArgument(REFERENCE.plus(purgeAfter).isAfter(REFERENCE),
                "retention purgeAfter must be a positive period, was %s", purgeAfter);
        Checks.requireArgument(REFERENCE.plus(redactAfter).isAfter(REFERENCE),
                "retention redactAfter must be a positive period, was %s", redactAfter);
        Checks.requireArgument(REFERENCE.plus(redactAfter).isBefore(REFERENCE.plus(purgeAfter)),
                "retention redactAfter (%s) must be shorter than purgeAfter (%s)", redactAfter, purgeAfter);
        Checks.requireArgument(batchSize >= 1, "retention batchSize must be at least 1, was %d", batchSize);
        Checks.requireArgument(!maxTimePerBatch.isNegative() && !maxTimePerBatch.isZero(),
                "retention maxTimePerBatch must be positive, was %s", maxTimePerBatch);
    }

    /**
     * Settings with the default batching.
     *
     * @param purgeAfter  the purge period
     * @param redactAfter the redaction period, shorter
     * @return the settings
     */
    public static RetentionSettings of(Period purgeAfter, Period redactAfter) {
        return new RetentionSettings(purgeAfter, redactAfter, DEFAULT_BATCH_SIZE, DEFAULT_MAX_TIME_PER_BATCH);
    }

    /**
     * Returns a copy with that batch size.
     *
     * @param rows the most rows one batch removes
     * @return the copy
     */
    public RetentionSettings withBatchSize(int rows) {
        return new RetentionSettings(purgeAfter, redactAfter, rows, maxTimePerBatch);
    }

    /**
     * Returns a copy with that batch time.
     *
     * @param time the longest time of one batch before the batch size is halved
     * @return the copy
     */
    public RetentionSettings withMaxTimePerBatch(Duration time) {
        return new RetentionSettings(purgeAfter, redactAfter, batchSize, time);
    }
}
