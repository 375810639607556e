package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a Delivery Summary that the devices decide (SPEC D4-D6): the totals, the combined
 * Voice/Text figures (D5), and the first attempt and last final outcome times the devices carry (D6).
 * What the batch {@link DeliveryAnalysis} answers and what a store keeps current as reports arrive
 * ({@link SummaryLedger}, SPEC E3) are both this value, so the two compare with {@code equals}.
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}. Immutable.
 */
public final class SummaryFigures {

    private final DeliveryTotals totals;
    private final int totalVoiceText;
    private final int totalVoiceTextAttempted;
    private final Instant firstAttempt;
    private final Instant lastFinalOutcome;

    /**
     * Creates the value.
     *
     * @param totals                  the D4 figures
     * @param totalVoiceText          distinct numbers over Voice and Text together (D5)
     * @param totalVoiceTextAttempted distinct numbers attempted over Voice and Text together (D5)
     * @param firstAttempt            the earliest time of an attempted device, or null
     * @param lastFinalOutcome        the latest time of a device with a final outcome other than a cancel, or null
     * @throws NullPointerException     when the totals are null
     * @throws IllegalArgumentException when a combined figure is negative or the attempted one exceeds its total
     */
    public SummaryFigures(DeliveryTotals totals, int totalVoiceText, int totalVoiceTextAttempted,
                          Instant firstAttempt, Instant lastFinalOutcome) {
        Checks.requireNonNull(totals, "totals");
        Checks.requireArgument(totalVoiceTextAttempted >= 0 && totalVoiceTextAttempted <= totalVoiceText,
                "totalVoiceTextAttempted (%d) must be between 0 and totalVoiceText (%d)", totalVoiceTextAttempted,
                totalVoiceText);
        this.totals = totals;
        this.totalVoiceText = totalVoiceText;
        this.totalVoiceTextAttempted = totalVoiceTextAttempted;
        this.firstAttempt = firstAttempt;
        this.lastFinalOutcome = lastFinalOutcome;
    }

    /**
     * The figures of a batch analysis: the reference a maintained summary must equal (SPEC E3).
     *
     * @param analysis the analysis
     * @return its figures
     */
    public static SummaryFigures of(DeliveryAnalysis analysis) {
        Checks.requireNonNull(analysis, "analysis");
        return new SummaryFigures(analysis.totals(), analysis.totalVoiceText(), analysis.totalVoiceTextAttempted(),
                analysis.firstAttempt().orElse(null), analysis.lastFinalOutcome().orElse(null));
    }

    /**
     * Returns the D4 figures.
     *
     * @return the value
     */
    public DeliveryTotals totals() {
        return totals;
    }

    /**
     * Returns distinct numbers over Voice and Text together (D5).
     *
     * @return the value
     */
    public int totalVoiceText() {
        return totalVoiceText;
    }

    /**
     * Returns distinct numbers attempted over Voice and Text together (D5).
     *
     * @return the value
     */
    public int totalVoiceTextAttempted() {
        return totalVoiceTextAttempted;
    }

    /**
     * The earliest time of an attempted device, if a device carries one (D6).
     *
     * @return the value, or empty
     */
    public Optional<Instant> firstAttempt() {
        return Optional.ofNullable(firstAttempt);
    }

    /**
     * The latest time of a final outcome other than a cancel, if a device carries one (D6).
     *
     * @return the value, or empty
     */
    public Optional<Instant> lastFinalOutcome() {
        return Optional.ofNullable(lastFinalOutcome);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SummaryFigures o
                && totals.equals(o.totals)
                && totalVoiceText == o.totalVoiceText
                && totalVoiceTextAttempted == o.totalVoiceTextAttempted
                && Objects.equals(firstAttempt, o.firstAttempt)
                && Objects.equals(lastFinalOutcome, o.lastFinalOutcome);
    }

    @Override
    public int hashCode() {
        return Objects.hash(totals, totalVoiceText, totalVoiceTextAttempted, firstAttempt, lastFinalOutcome);
    }

    @Override
    public String toString() {
        return "SummaryFigures[totals=" + totals
                + ", totalVoiceText=" + totalVoiceText
                + ", totalVoiceTextAttempted=" + totalVoiceTextAttempted
                + ", firstAttempt=" + firstAttempt
                + ", lastFinalOutcome=" + lastFinalOutcome
                + "]";
    }
}
