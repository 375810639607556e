package dev.sentlog.core.search;

import dev.sentlog.core.internal.Checks;

/**
 * A filter on one column of the result: a value picked from the column's dropdown for the
 * pick-list columns (SPEC S3, matched exactly), or a date text for Date Created and Date
 * Scheduled (S4, matched as a case-insensitive part of the displayed form).
 *
 * @param column the column; Schedule ID cannot be filtered
 * @param value  the picked value or typed text
 */
public record ColumnFilter(Column column, String value) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the column has no filter
     */
    public ColumnFilter {
        Checks.requireNonNull(column, "filter.column");
        Checks.requireNonNull(value, "filter.value");
        Checks.requireArgument(column.isPickList() || column.isDateText(), "the %s column has no filter",
                column.label());
    }

    /**
     * A filter.
     *
     * @param column the column
     * @param value  the value or text
     * @return the filter
     */
    public static ColumnFilter of(Column column, String value) {
        return new ColumnFilter(column, value);
    }

    /**
     * Whether a cell passes.
     *
     * @param cellText the cell's text
     * @return true when it passes
     */
    public boolean accepts(String cellText) {
        return column.isDateText() ? DateText.matches(cellText, value) : cellText.equals(value);
    }
}
