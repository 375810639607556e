package dev.sentlog.core.search;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.util.Comparator;

/**
 * A sort of the grid by one column (SPEC S5). Text columns compare ignoring case first, dates
 * by instant (an unscheduled message before every scheduled one, ascending), statuses by label.
 * Ties are broken by date created, then id, both ascending whatever the direction, so the order
 * is total and therefore stable.
 *
 * @param column    the column
 * @param ascending true for ascending
 */
public record Sort(Column column, boolean ascending) {

    private static final Comparator<String> TEXT =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /**
     * Validates the column.
     *
     * @throws NullPointerException when the column is null
     */
    public Sort {
        Checks.requireNonNull(column, "sort.column");
    }

    /**
     * Returns an ascending sort.
     *
     * @param column the column
     * @return an ascending sort
     */
    public static Sort ascending(Column column) {
        return new Sort(column, true);
    }

    /**
     * Returns a descending sort.
     *
     * @param column the column
     * @return a descending sort
     */
    public static Sort descending(Column column) {
        return new Sort(column, false);
    }

    /** The default order of a result: newest created first. */
    public static Sort newestFirst() {
        return descending(Column.DATE_CREATED);
    }

    /** The comparator of rows this sort describes, ties included. */
    public Comparator<MessageRow> comparator() {
        Comparator<MessageRow> primary;
        switch (column) {
            case DATE_CREATED:
                primary = Comparator.comparing(MessageRow::createdAt);
                break;
            case DATE_SCHEDULED:
                primary = Comparator.comparing((MessageRow r) -> r.scheduledAt().orElse(null), Comparator.nullsFirst(
                        Comparator.<Instant>naturalOrder()));
                break;
            case STATUS:
                primary = Comparator.comparing(r -> r.status().label(), TEXT);
                break;
            case MESSAGE_TYPE:
                primary = Comparator.comparing(MessageRow::messageType, TEXT);
                break;
            case DISTRICT_OR_SCHOOL:
                primary = Comparator.comparing(MessageRow::districtOrSchool, TEXT);
                break;
            case SUBJECT:
                primary = Comparator.comparing(MessageRow::subject, TEXT);
                break;
            case SENDER:
                primary = Comparator.comparing(MessageRow::senderName, TEXT);
                break;
            case SCHEDULE_ID:
            default:
                primary = Comparator.comparing(MessageRow::scheduleId, TEXT);
                break;
        }
        if (!ascending) {
            primary = primary.reversed();
        }
        return primary.thenComparing(MessageRow::createdAt).thenComparing(MessageRow::id);
    }
}
