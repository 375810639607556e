package dev.sentlog.core.search;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The displayed form of dates in the search grid, {@code MM/dd/yyyy h:mm a} in the district's
 * zone (e.g. {@code 05/01/2022 8:30 AM}), and the S4 text match against it.
 */
public final class DateText {

    /** The display pattern (SPEC S4). */
    public static final String PATTERN = "MM/dd/yyyy h:mm a";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN, Locale.US);

    private DateText() {
    }

    /**
     * The displayed form of an instant.
     *
     * @param at   the instant
     * @param zone the district's zone
     * @return the text, e.g. {@code 05/01/2022 8:30 AM}
     */
    public static String format(Instant at, ZoneId zone) {
        Checks.requireNonNull(at, "at");
        Checks.requireNonNull(zone, "zone");
        return FORMAT.format(at.atZone(zone));
    }

    /**
     * Whether a displayed date matches a filter text: the text, stripped, occurs in the displayed
     * form ignoring case (SPEC S4). A blank text matches everything; a full date matches exactly
     * that minute.
     *
     * @param displayed the displayed form
     * @param filter    the text typed
     * @return true when it matches
     */
    public static boolean matches(String displayed, String filter) {
        String f = filter.strip().toUpperCase(Locale.ROOT);
        return f.isEmpty() || displayed.toUpperCase(Locale.ROOT).contains(f);
    }
}
