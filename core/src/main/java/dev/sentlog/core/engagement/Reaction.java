package dev.sentlog.core.engagement;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.FeedbackKind;
import java.time.Instant;

/**
 * One kind of feedback on one device (SPEC H5): when it came first, when last, and how many distinct
 * events reported it (an email opened three times is one reaction with count 3).
 *
 * @param kind    what the recipient did
 * @param firstAt the earliest event's time
 * @param lastAt  the latest event's time
 * @param count   the number of distinct events, at least 1
 */
public record Reaction(FeedbackKind kind, Instant firstAt, Instant lastAt, int count) {

    /**
     * Validates the reaction.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the count is below 1 or the last time before the first
     */
    public Reaction {
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(firstAt, "firstAt");
        Checks.requireNonNull(lastAt, "lastAt");
        Checks.requireArgument(count >= 1, "a %s reaction counts %d events; at least 1", kind, count);
        Checks.requireArgument(!lastAt.isBefore(firstAt), "a %s reaction ends (%s) before it starts (%s)", kind,
                lastAt, firstAt);
    }
}
