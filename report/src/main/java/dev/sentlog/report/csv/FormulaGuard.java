package dev.sentlog.report.csv;

/**
 * Neutralises CSV cells a spreadsheet would read as a formula (SPEC P9): a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe,
 * which spreadsheet programs show as text. Other cells are returned unchanged.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /**
     * The cell as written to CSV.
     *
     * @param cell the cell text, never null
     * @return the text, prefixed with {@code '} when it would start a formula
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        switch (cell.charAt(0)) {
            case '=':
            case '+':
            case '-':
            case '@':
            case '\t':
            case '\r':
                return "'" + cell;
            default:
                return cell;
        }
    }
}
