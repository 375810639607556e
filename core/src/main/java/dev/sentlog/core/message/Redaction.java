package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a redacted message keeps of its deliveries (SPEC X2): the Delivery Summary figures computed
 * from the recipient list just before its names and addresses were erased, and how many devices of
 * each channel ended in each outcome class (the report's outcome chart, SPEC E2). Holds no personal
 * data.
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class Redaction {

    private final Instant redactedAt;
    private final DeliveryTotals totals;
    private final int totalVoiceText;
    private final int totalVoiceTextAttempted;
    private final Instant firstAttempt;
    private final Instant lastOutcome;
    private final Map<Channel, Map<OutcomeClass, Integer>> deviceOutcomes;

    /**
     * Creates the value.
     *
     * @param redactedAt              when the personal data were erased
     * @param totals                  the D4 figures
     * @param totalVoiceText          distinct numbers over Voice and Text together (D5)
     * @param totalVoiceTextAttempted distinct numbers attempted over Voice and Text together (D5)
     * @param firstAttempt            the Delivery Summary's Start Time (D6), or null
     * @param lastOutcome             the Delivery Summary's End Time (D6), or null
     * @param deviceOutcomes          per channel, the number of devices in each outcome class; absent
     *                                classes count zero
     * @throws NullPointerException     when a required component is null, naming it
     * @throws IllegalArgumentException when a count is negative or a combined figure is negative
     */
    public Redaction(Instant redactedAt, DeliveryTotals totals, int totalVoiceText, int totalVoiceTextAttempted,
                     Instant firstAttempt, Instant lastOutcome, Map<Channel, Map<OutcomeClass, Integer>> deviceOutcomes) {
        Checks.requireNonNull(redactedAt, "redaction.redactedAt");
        Checks.requireNonNull(totals, "redaction.totals");
        Checks.requireNonNull(deviceOutcomes, "redaction.deviceOutcomes");
        Checks.requireArgument(totalVoiceText >= 0 && totalVoiceTextAttempted >= 0
                        && totalVoiceTextAttempted <= totalVoiceText,
                "redaction Voice/Text figures must satisfy 0 <= attempted (%d) <= total (%d)", totalVoiceTextAttempted,
                totalVoiceText);
        EnumMap<Channel, Map<OutcomeClass, Integer>> copy = new EnumMap<>(Channel.class);
        deviceOutcomes.forEach((channel, counts) -> {
            Checks.requireNonNull(channel, "redaction.deviceOutcomes channel");
            Checks.requireNonNull(counts, "redaction.deviceOutcomes of " + channel);
            EnumMap<OutcomeClass, Integer> c = new EnumMap<>(OutcomeClass.class);
            counts.forEach((cls, n) -> {
                Checks.requireNonNull(cls, "redaction.deviceOutcomes class of " + channel);
                Checks.requireArgument(n != null && n >= 0, "redaction.deviceOutcomes %s %s must be a count >= 0, was %s",
                        channel, cls, n);
                if (n > 0) {
                    c.put(cls, n);
                }
            });
            copy.put(channel, Collections.unmodifiableMap(c));
        });
        this.redactedAt = redactedAt;
        this.totals = totals;
        this.totalVoiceText = totalVoiceText;
        this.totalVoiceTextAttempted = totalVoiceTextAttempted;
        this.firstAttempt = firstAttempt;
        this.lastOutcome = lastOutcome;
        this.deviceOutcomes = Collections.unmodifiableMap(copy);
    }

    /**
     * When the personal data were erased.
     *
     * @return the instant
     */
    public Instant redactedAt() {
        return redactedAt;
    }

    /**
     * The D4 figures as they were at redaction.
     *
     * @return the totals
     */
    public DeliveryTotals totals() {
        return totals;
    }

    /**
     * Distinct numbers over Voice and Text together (D5).
     *
     * @return the figure
     */
    public int totalVoiceText() {
        return totalVoiceText;
    }

    /**
     * Distinct numbers attempted over Voice and Text together (D5).
     *
     * @return the figure
     */
    public int totalVoiceTextAttempted() {
        return totalVoiceTextAttempted;
    }

    /**
     * The Delivery Summary's Start Time (D6), if there was one.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> firstAttempt() {
        return Optional.ofNullable(firstAttempt);
    }

    /**
     * The Delivery Summary's End Time (D6), if there was one.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    /**
     * Per channel, how many devices ended in each outcome class (zero counts left out).
     *
     * @return an unmodifiable map
     */
    public Map<Channel, Map<OutcomeClass, Integer>> deviceOutcomes() {
        return deviceOutcomes;
    }

    /**
     * How many devices of a channel ended in an outcome class.
     *
     * @param channel the channel
     * @param outcome the class
     * @return the count, zero when none
     */
    public int deviceCount(Channel channel, OutcomeClass outcome) {
        return deviceOutcomes.getOrDefault(channel, Map.of()).getOrDefault(outcome, 0);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Redaction o
                && redactedAt.equals(o.redactedAt)
                && totals.equals(o.totals)
                && totalVoiceText == o.totalVoiceText
                && totalVoiceTextAttempted == o.totalVoiceTextAttempted
                && Objects.equals(firstAttempt, o.firstAttempt)
                && Objects.equals(lastOutcome, o.lastOutcome)
                && deviceOutcomes.equals(o.deviceOutcomes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(redactedAt, totals, totalVoiceText, totalVoiceTextAttempted, firstAttempt, lastOutcome,
                deviceOutcomes);
    }

    @Override
    public String toString() {
        return "Redaction[redactedAt=" + redactedAt + ", totals=" + totals + ", totalVoiceText=" + totalVoiceText
                + ", totalVoiceTextAttempted=" + totalVoiceTextAttempted + ", firstAttempt=" + firstAttempt
                + ", lastOutcome=" + lastOutcome + ", deviceOutcomes=" + deviceOutcomes + "]";
    }
}
