package dev.sentlog.core.engagement;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The engagement of one device (SPEC H5): its reactions, one per feedback kind, in kind order
 * (opened, clicked, unsubscribed, complained).
 *
 * @param row       the device's row in the message (recipient-list order)
 * @param reactions the reactions, at least one, one per kind
 */
public record DeviceEngagement(int row, List<Reaction> reactions) {

    /**
     * Validates and copies the reactions.
     *
     * @throws NullPointerException     when reactions or one of them is null
     * @throws IllegalArgumentException when the row is negative or there is no reaction
     */
    public DeviceEngagement {
        Checks.requireArgument(row >= 0, "the row of a device's engagement is negative: %d", row);
        reactions = Checks.copyWithoutNulls(reactions, "reactions");
        Checks.requireArgument(!reactions.isEmpty(), "the engagement of row %d has no reaction", row);
    }

    /**
     * The text shown beside the device's outcome, e.g. {@code "Opened 12/01/2026 8:31 AM (3x); Clicked
     * 12/01/2026 8:40 AM"}: each kind with its first time, and its count when above one.
     *
     * @param time formats a time as the page or report shows times
     * @return the text
     */
    public String describe(Function<Instant, String> time) {
        Checks.requireNonNull(time, "time");
        StringJoiner out = new StringJoiner("; ");
        for (Reaction r : reactions) {
            out.add(r.kind().label() + " " + time.apply(r.firstAt()) + (r.count() > 1 ? " (" + r.count() + "x)" : ""));
        }
        return out.toString();
    }
}
