package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Delivery Summary of a message: the totals (SPEC D4), the combined Voice/Text figures shown
 * on screen when the district uses text messaging (D5), start, end and duration (D6), and the
 * cancel request (C4).
 *
 * @param totals                  the D4 figures
 * @param totalVoiceText          distinct numbers over Voice and Text together (D5)
 * @param totalVoiceTextAttempted distinct numbers attempted over Voice and Text together (D5)
 * @param textMessagingEnabled    whether the district uses text messaging: the screen then shows
 *                                the combined Voice/Text figures
 * @param startedAt               when the first device was attempted, or null
 * @param endedAt                 when the last final outcome arrived, or null
 * @param cancellation            the cancel request, or null
 */
public record DeliverySummary(DeliveryTotals totals, int totalVoiceText, int totalVoiceTextAttempted,
                              boolean textMessagingEnabled, Instant startedAt, Instant endedAt,
                              Cancellation cancellation) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when the totals are null
     */
    public DeliverySummary {
        Checks.requireNonNull(totals, "totals");
    }

    /**
     * The summary of a message under the standard classification.
     *
     * @param message the message
     * @return the summary
     */
    public static DeliverySummary of(Message message) {
        return of(message, DeliveryAnalysis.of(message));
    }

    /**
     * The summary of a message from an analysis already made of it.
     *
     * <p>Start Time is the earlier of the message's recorded start and the first attempted device's
     * time; End Time the later of the message's recorded end and the last final device outcome's time
     * (SPEC D6).
     *
     * @param message  the message
     * @param analysis its analysis
     * @return the summary
     */
    public static DeliverySummary of(Message message, DeliveryAnalysis analysis) {
        Instant start = earlier(message.startedAt(), analysis.firstAttempt().orElse(null));
        Instant end = later(message.endedAt(), analysis.lastFinalOutcome().orElse(null));
        return new DeliverySummary(analysis.totals(), analysis.totalVoiceText(), analysis.totalVoiceTextAttempted(),
                message.textMessagingEnabled(), start, end, message.cancellation());
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Start Time, if delivery has started. */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(startedAt);
    }

    /** End Time, if a final outcome has arrived. */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(endedAt);
    }

    /**
     * Duration in whole minutes (rounded down) between Start and End Time (SPEC D6).
     *
     * @return the minutes, empty when either time is missing
     */
    public OptionalLong durationMinutes() {
        if (startedAt == null || endedAt == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, Duration.between(startedAt, endedAt).toMinutes()));
    }

    /** The cancel request, if any. */
    public Optional<Cancellation> canceled() {
        return Optional.ofNullable(cancellation);
    }
}
