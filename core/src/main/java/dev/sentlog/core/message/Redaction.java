package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a redacted message keeps of its deliveries (SPEC X2): the Delivery Summary figures computed
 * from the recipient list just before its names and addresses were erased, and how many devices of
 * each channel ended in each outcome class (the report's outcome chart, SPEC E2). Holds no personal
 * data.
 *
 * <p>A class rather than a record so that the counts are copied and checked once.
 */
public final class Redaction {

    private final Instant redactedAt;
    private final DeliverySummary summary;
    private final Map<Channel, Map<OutcomeClass, Integer>> deviceOutcomes;

    /**
     * Creates the value.
     *
     * @param redactedAt     when the personal data were erased
     * @param summary        the Delivery Summary as it was (D4-D6); its text-messaging flag and
     *                       cancellation are the message's, which a store may keep with the message
     * @param deviceOutcomes per channel, the number of devices in each outcome class; absent classes
     *                       count zero
     * @throws NullPointerException     when a component is null, naming it
     * @throws IllegalArgumentException when a count is negative
     */
    public Redaction(Instant redactedAt, DeliverySummary summary, Map<Channel, Map<OutcomeClass, Integer>> deviceOutcomes) {
        Checks.requireNonNull(redactedAt, "redaction.redactedAt");
        Checks.requireNonNull(summary, "redaction.summary");
        Checks.requireNonNull(deviceOutcomes, "redaction.deviceOutcomes");
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
        this.summary = summary;
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
     * The Delivery Summary as it was at redaction (D4-D6).
     *
     * @return the summary
     */
    public DeliverySummary summary() {
        return summary;
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
                && redactedAt.equals(o.redactedAt) && summary.equals(o.summary) && deviceOutcomes.equals(o.deviceOutcomes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(redactedAt, summary, deviceOutcomes);
    }

    @Override
    public String toString() {
        return "Redaction[redactedAt=" + redactedAt + ", summary=" + summary + ", deviceOutcomes=" + deviceOutcomes + "]";
    }
}
