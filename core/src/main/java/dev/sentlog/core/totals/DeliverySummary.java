package dev.sentlog.core.totals;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Cancellation;
import dev.sentlog.core.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Delivery Summary of a message: the totals (SPEC D4), the combined Voice/Text figures shown
 * on screen when the district uses text messaging (D5), start, end and duration (D6), and the
 * cancel request (C4).
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class DeliverySummary {

    private final DeliveryTotals totals;
    private final int totalVoiceText;
    private final int totalVoiceTextAttempted;
    private final boolean textMessagingEnabled;
    private final Instant startedAt;
    private final Instant endedAt;
    private final Cancellation cancellation;

    /**
     * Creates the value.
     *
     * @param totals the D4 figures
     * @param totalVoiceText distinct numbers over Voice and Text together (D5)
     * @param totalVoiceTextAttempted distinct numbers attempted over Voice and Text together (D5)
     * @param textMessagingEnabled whether the district uses text messaging: the screen then shows the combined
     *                             Voice/Text figures
     * @param startedAt when the first device was attempted, or null
     * @param endedAt when the last final outcome arrived, or null
     * @param cancellation the cancel request, or null
     * @throws NullPointerException when the totals are null
     */
    public DeliverySummary(DeliveryTotals totals, int totalVoiceText, int totalVoiceTextAttempted,
            boolean textMessagingEnabled, Instant startedAt, Instant endedAt, Cancellation cancellation) {
        Checks.requireNonNull(totals, "totals");
        this.totals = totals;
        this.totalVoiceText = totalVoiceText;
        this.totalVoiceTextAttempted = totalVoiceTextAttempted;
        this.textMessagingEnabled = textMessagingEnabled;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.cancellation = cancellation;
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
     * (SPEC D6). A redacted message (SPEC X2) answers the figures kept at its redaction; the analysis of
     * its empty recipient list is not used.
     *
     * @param message  the message
     * @param analysis its analysis
     * @return the summary
     */
    public static DeliverySummary of(Message message, DeliveryAnalysis analysis) {
        if (message.redaction().isPresent()) {
            return message.redaction().get().summary();
        }
        return of(SummaryFigures.of(analysis), message.startedAt().orElse(null), message.endedAt().orElse(null),
                message.textMessagingEnabled(), message.cancellation().orElse(null));
    }

    /**
     * The summary from figures the devices decide (a batch analysis's, or those a store keeps current,
     * SPEC E3) and the message's recorded times, setting and cancel request.
     *
     * <p>Start Time is the earlier of the recorded start and the first attempted device's time; End
     * Time the later of the recorded end and the last final device outcome's time (SPEC D6).
     *
     * @param figures              the figures
     * @param recordedStart        when the message was handed to providers, or null
     * @param recordedEnd          when the message reached a final status, or null
     * @param textMessagingEnabled whether the district uses text messaging (D5)
     * @param cancellation         the cancel request, or null
     * @return the summary
     * @throws NullPointerException when the figures are null
     */
    public static DeliverySummary of(SummaryFigures figures, Instant recordedStart, Instant recordedEnd,
                                     boolean textMessagingEnabled, Cancellation cancellation) {
        Checks.requireNonNull(figures, "figures");
        Instant start = earlier(recordedStart, figures.firstAttempt().orElse(null));
        Instant end = later(recordedEnd, figures.lastFinalOutcome().orElse(null));
        return new DeliverySummary(figures.totals(), figures.totalVoiceText(), figures.totalVoiceTextAttempted(),
                textMessagingEnabled, start, end, cancellation);
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
     * The value of one Delivery Summary figure (SPEC D4, D5), as {@link DeliveryAnalysis#figure} gives
     * it for the same devices (E3): what a screen showing the summary by figure reads.
     *
     * @param figure the figure
     * @return its value
     * @throws NullPointerException when figure is null
     */
    public int figure(Figure figure) {
        Checks.requireNonNull(figure, "figure");
        return figure.valueIn(totals, totalVoiceText, totalVoiceTextAttempted);
    }

    /**
     * Returns whether the district uses text messaging: the screen then shows the combined Voice/Text figures.
     *
     * @return the value
     */
    public boolean textMessagingEnabled() {
        return textMessagingEnabled;
    }

    /**
     * Start Time, if delivery has started (SPEC D6).
     *
     * @return the value, or empty
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /**
     * End Time, if a final outcome has arrived (SPEC D6).
     *
     * @return the value, or empty
     */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /**
     * The cancel request, if there is one (SPEC C4).
     *
     * @return the value, or empty
     */
    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DeliverySummary o
                && Objects.equals(totals, o.totals)
                && totalVoiceText == o.totalVoiceText
                && totalVoiceTextAttempted == o.totalVoiceTextAttempted
                && textMessagingEnabled == o.textMessagingEnabled
                && Objects.equals(startedAt, o.startedAt)
                && Objects.equals(endedAt, o.endedAt)
                && Objects.equals(cancellation, o.cancellation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(totals, totalVoiceText, totalVoiceTextAttempted, textMessagingEnabled, startedAt, endedAt,
                cancellation);
    }

    @Override
    public String toString() {
        return "DeliverySummary[totals=" + totals
                + ", totalVoiceText=" + totalVoiceText
                + ", totalVoiceTextAttempted=" + totalVoiceTextAttempted
                + ", textMessagingEnabled=" + textMessagingEnabled
                + ", startedAt=" + startedAt
                + ", endedAt=" + endedAt
                + ", cancellation=" + cancellation
                + "]";
    }
}
