package dev.sentlog.core.search;

import dev.sentlog.core.SentlogException;
import java.time.LocalDate;
import java.util.Optional;

/** A created-between range that is missing an end or starts after it ends (SPEC S1). */
public class InvalidDateRangeException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final transient LocalDate from;
    private final transient LocalDate to;

    /**
     * Creates the exception.
     *
     * @param from the start as given, or null
     * @param to   the end as given, or null
     */
    public InvalidDateRangeException(LocalDate from, LocalDate to) {
        super(describe(from, to));
        this.from = from;
        this.to = to;
    }

    private static String describe(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "the created-between range needs a start date and an end date; both are missing";
        }
        if (from == null) {
            return "the created-between range needs a start date (end date is " + to + ")";
        }
        if (to == null) {
            return "the created-between range needs an end date (start date is " + from + ")";
        }
        return "the created-between range starts " + from + ", after its end " + to;
    }

    /** The start as given, if any. */
    public Optional<LocalDate> from() {
        return Optional.ofNullable(from);
    }

    /** The end as given, if any. */
    public Optional<LocalDate> to() {
        return Optional.ofNullable(to);
    }
}
