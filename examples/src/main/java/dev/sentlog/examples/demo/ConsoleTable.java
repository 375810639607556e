package dev.sentlog.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the console: a header row, a rule, and rows whose columns are padded to
 * the widest cell (numbers right-aligned). Cells longer than the column limit are cut with "…".
 * Widths count code points, so names in any script line up in a terminal with a monospaced font.
 */
public final class ConsoleTable {

    /** How a column's cells are aligned. */
    public enum Align {
        /** Left-aligned text. */
        LEFT,
        /** Right-aligned numbers. */
        RIGHT
    }

    private final String[] headers;
    private final Align[] aligns;
    private final int maxWidth;
    private final List<String[]> rows = new ArrayList<>();

    private ConsoleTable(String[] headers, Align[] aligns, int maxWidth) {
        this.headers = headers;
        this.aligns = aligns;
        this.maxWidth = maxWidth;
    }

    /**
     * A table with left-aligned columns.
     *
     * @param maxWidth the widest a column may be, at least 2
     * @param headers  the column headings
     * @return the table
     */
    public static ConsoleTable of(int maxWidth, String... headers) {
        Align[] aligns = new Align[headers.length];
        Arrays.fill(aligns, Align.LEFT);
        return new ConsoleTable(headers.clone(), aligns, Math.max(2, maxWidth));
    }

    /**
     * Right-aligns a column.
     *
     * @param column the column index
     * @return this table
     */
    public ConsoleTable right(int column) {
        aligns[column] = Align.RIGHT;
        return this;
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column; null prints blank
     * @return this table
     * @throws IllegalArgumentException when the number of cells differs from the number of columns
     */
    public ConsoleTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.length
                    + " columns");
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cut(cells[i] == null ? "" : String.valueOf(cells[i]).replace('\n', ' '));
        }
        rows.add(row);
        return this;
    }

    /** The table as lines separated by {@code \n}, without a trailing newline. */
    public String render() {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = width(cut(headers[i]));
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, widths, true);
        sb.append('\n');
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        for (String[] row : rows) {
            sb.append('\n');
            line(sb, row, widths, false);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = header ? cut(cells[i]) : cells[i];
            String pad = " ".repeat(widths[i] - width(cell));
            line.append(i == 0 ? "" : "  ");
            line.append(aligns[i] == Align.RIGHT ? pad + cell : cell + pad);
        }
        sb.append(line.toString().stripTrailing());
    }

    private String cut(String s) {
        return width(s) <= maxWidth ? s : s.substring(0, s.offsetByCodePoints(0, maxWidth - 1)) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
