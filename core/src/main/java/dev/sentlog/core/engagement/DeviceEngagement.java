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
 * @param entry     the device's recipient entry index in the message
 * @param device    the device's index inside its entry
 * @param reactions the reactions, at least one, one per kind
 */
public record DeviceEngagement(int entry, int device, List<Reaction> reactions) {

    /** What separates the outcome and each reaction where they are shown in one line: {@code " \u00b7 "}. */
    public static final String SEPARATOR = " \u00b7 ";

    /**
     * Validates and copies the reactions.
     *
     * @throws NullPointerException     when reactions or one of them is null
     * @throws IllegalArgumentException when an index is negative or there is no reaction
     */
    public DeviceEngagement {
        Checks.requireArgument(entry >= 0 && device >= 0, "a device's engagement is at a negative index: entry %d, "
                + "device %d", entry, device);
        reactions = Checks.copyWithoutNulls(reactions, "reactions");
        Checks.requireArgument(!reactions.isEmpty(), "the engagement of entry %d device %d has no reaction", entry,
                device);
    }

    /**
     * The text shown beside the device's outcome, e.g. {@code "Opened 12/01/2026 8:31 AM \u00d73 \u00b7
     * Clicked 12/01/2026 8:40 AM"}: each kind with its first time, and its count when above one.
     * The two marks are in Latin-1, so every report font has them.
     *
     * @param time formats a time as the page or report shows times
     * @return the text
     */
    public String describe(Function<Instant, String> time) {
        Checks.requireNonNull(time, "time");
        StringJoiner out = new StringJoiner(SEPARATOR);
        for (Reaction r : reactions) {
            out.add(r.kind().label() + " " + time.apply(r.firstAt()) + (r.count() > 1 ? " \u00d7" + r.count() : ""));
        }
        return out.toString();
    }
}
