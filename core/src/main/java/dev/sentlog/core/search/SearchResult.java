package dev.sentlog.core.search;

import dev.sentlog.core.internal.Checks;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer to a search: at most {@link #cap()} rows, the most recently created ones, newest
 * first; how many messages matched in all, and whether the rows were cut (SPEC S2). Filtering
 * (S3, S4) and sorting (S5) work on these rows, as the grid does.
 *
 * @param rows         the rows, newest created first
 * @param totalMatched how many messages matched the criteria in all
 * @param cap          the configured cap
 * @param zone         the district's zone, for the date columns
 */
public record SearchResult(List<MessageRow> rows, long totalMatched, int cap, ZoneId zone) {

    /**
     * Validates and copies the components.
     *
     * @param rows         the rows, newest created first; kept as an unmodifiable copy
     * @param totalMatched how many messages matched the criteria in all
     * @param cap          the configured cap
     * @param zone         the district's zone, for the date columns
     * @throws IllegalArgumentException when there are more rows than the cap or the total
     */
    public SearchResult {
        rows = List.copyOf(Checks.requireNonNull(rows, "result.rows"));
        Checks.requireNonNull(zone, "result.zone");
        Checks.requireArgument(rows.size() <= cap, "%d rows exceed the cap %d", rows.size(), cap);
        Checks.requireArgument(rows.size() <= totalMatched, "%d rows exceed the total %d", rows.size(),
                totalMatched);
    }

    /**
     * Whether more messages matched than the rows hold (SPEC S2).
     *
     * @return true when the rows were cut
     */
    public boolean isCut() {
        return totalMatched > rows.size();
    }

    /**
     * The dropdown values of a pick-list column: the distinct cell texts of the rows, ordered
     * ignoring case (SPEC S3).
     *
     * @param column a pick-list column
     * @return the values
     * @throws IllegalArgumentException when the column is not a pick list
     */
    public List<String> values(Column column) {
        Checks.requireNonNull(column, "column");
        Checks.requireArgument(column.isPickList(), "the %s column has no dropdown", column.label());
        Set<String> distinct = new TreeSet<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        for (MessageRow r : rows) {
            distinct.add(r.cell(column, zone));
        }
        return List.copyOf(distinct);
    }

    /**
     * The rows that pass every filter, in a sort's order.
     *
     * @param filters the column filters, all of which must pass
     * @param sort    the order
     * @return the rows, an unmodifiable list
     */
    public List<MessageRow> view(List<ColumnFilter> filters, Sort sort) {
        Checks.requireNonNull(filters, "filters");
        Checks.requireNonNull(sort, "sort");
        List<MessageRow> out = new ArrayList<>();
        for (MessageRow r : rows) {
            boolean pass = true;
            for (ColumnFilter f : filters) {
                if (!f.accepts(r.cell(f.column(), zone))) {
                    pass = false;
                    break;
                }
            }
            if (pass) {
                out.add(r);
            }
        }
        out.sort(sort.comparator());
        return Collections.unmodifiableList(out);
    }
}
