package dev.sentlog.core.reach;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.search.SearchCriteria;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What household reach looks at (SPEC H4): the messages created in a range of days (S1) whose type
 * is of one of the kinds given (by default Messenger messages only).
 *
 * @param created the created-date range
 * @param kinds   the message type kinds considered, at least one
 */
public record ReachQuery(SearchCriteria created, Set<MessageTypeKind> kinds) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when no kind is given
     */
    public ReachQuery {
        Checks.requireNonNull(created, "created");
        Checks.requireNonNull(kinds, "kinds");
        Checks.requireArgument(!kinds.isEmpty(), "household reach needs at least one message type kind");
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /**
     * The default: every Messenger message created in the range.
     *
     * @param from the first day
     * @param to   the last day
     * @return the query
     * @throws dev.sentlog.core.search.InvalidDateRangeException when a date is missing or the start is
     *                                                           after the end
     */
    public static ReachQuery messengerMessages(LocalDate from, LocalDate to) {
        return new ReachQuery(SearchCriteria.createdBetween(from, to), EnumSet.of(MessageTypeKind.MESSENGER));
    }

    /**
     * The messages of some kinds created in the range.
     *
     * @param from  the first day
     * @param to    the last day
     * @param kinds the kinds
     * @return the query
     */
    public static ReachQuery of(LocalDate from, LocalDate to, Set<MessageTypeKind> kinds) {
        return new ReachQuery(SearchCriteria.createdBetween(from, to), kinds);
    }
}
