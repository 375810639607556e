package dev.sentlog.examples.demo;

import dev.sentlog.core.search.Column;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.search.SearchResult;
import dev.sentlog.core.search.Sort;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The search grid on the console: a heading naming the days searched and how many messages
 * matched, then one aligned row per message, newest first, with every column of the grid (SPEC S).
 * The {@code demo} and {@code log} commands print it alike.
 */
public final class SearchGrid {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private SearchGrid() {
    }

    /**
     * Prints a search result as the grid, followed by an empty line.
     *
     * @param out    where the grid goes
     * @param result the search result
     * @param from   the first day searched
     * @param to     the last day searched, not before {@code from}
     * @param zone   the district's zone, in which the times are shown
     */
    public static void print(PrintStream out, SearchResult result, LocalDate from, LocalDate to, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String days = from.equals(to) ? "on " + DAY.format(from) : "from " + DAY.format(from) + " to " + DAY.format(to);
        out.println("Sent Message Log: " + result.totalMatched() + " message(s) created " + days
                + (result.isCut() ? " (showing the newest " + result.cap() + ")" : ""));
        Column[] columns = Column.values();
        String[] headers = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headers[i] = columns[i].label();
        }
        ConsoleTable grid = ConsoleTable.of(40, headers);
        for (MessageRow row : result.view(List.of(), Sort.newestFirst())) {
            Object[] cells = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                cells[i] = row.cell(columns[i], zone);
            }
            grid.row(cells);
        }
        out.println(grid.render());
        out.println();
    }
}
