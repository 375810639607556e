package dev.sentlog.core.message;

import dev.sentlog.core.internal.Checks;
import java.util.List;

/**
 * A small table inside a filter criterion (e.g. Behavior Events: Grade, Event Type, Involvement Role).
 *
 * @param columns the column headings
 * @param rows    the rows, each with one cell per column
 */
public record FilterTable(List<String> columns, List<List<String>> rows) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when a row's width differs from the number of columns
     */
    public FilterTable {
        columns = Checks.copyWithoutNulls(columns, "filterTable.columns");
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            Checks.requireArgument(rows.get(i).size() == columns.size(),
                    "filter table row %d has %d cells but there are %d columns", i, rows.get(i).size(),
                    columns.size());
        }
    }
}
