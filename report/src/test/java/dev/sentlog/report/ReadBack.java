package dev.sentlog.report;

import dev.sentlog.report.model.ReportModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * What a reader recovers from a written report, with each format's own reader (SPEC P7): the
 * "label: value" lines and the Delivery Detail rows (cells in column order, duplicate mark as written).
 *
 * @param labeled the label/value lines, in order (a later line with the same label wins)
 * @param rows    the Delivery Detail rows
 * @param text    the whole text as extracted
 */
public record ReadBack(Map<String, String> labeled, List<List<String>> rows, String text) {

    /** Reads a CSV report with commons-csv. */
    public static ReadBack csv(byte[] bytes) throws IOException {
        Map<String, String> labeled = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.parse(r)) {
            boolean inDetail = false;
            for (CSVRecord rec : p) {
                List<String> cells = rec.toList();
                if (inDetail) {
                    if (cells.size() == 5) {
                        rows.add(cells);
                        continue;
                    }
                    inDetail = false;
                }
                if (cells.equals(ReportModel.DETAIL_COLUMNS)) {
                    inDetail = true;
                } else if (cells.size() == 2) {
                    labeled.put(cells.get(0), cells.get(1));
                }
            }
        }
        return new ReadBack(labeled, rows, new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads a DOCX report with Apache POI: label/value tables and the Delivery Detail table. */
    public static ReadBack docx(byte[] bytes) throws IOException {
        Map<String, String> labeled = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            doc.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            for (XWPFTable t : doc.getTables()) {
                List<XWPFTableRow> trs = t.getRows();
                boolean detail = cells(trs.get(0)).equals(ReportModel.DETAIL_COLUMNS);
                for (int i = 0; i < trs.size(); i++) {
                    List<String> cells = cells(trs.get(i));
                    text.append(String.join(" ", cells)).append('\n');
                    if (detail) {
                        if (i > 0) {
                            rows.add(cells);
                        }
                    } else if (cells.size() % 2 == 0) {
                        for (int c = 0; c < cells.size(); c += 2) {
                            String label = cells.get(c);
                            if (label.endsWith(":")) {
                                labeled.put(label.substring(0, label.length() - 1), cells.get(c + 1));
                            }
                        }
                    }
                }
            }
        }
        return new ReadBack(labeled, rows, text.toString());
    }

    private static List<String> cells(XWPFTableRow row) {
        List<String> cells = new ArrayList<>();
        for (XWPFTableCell c : row.getTableCells()) {
            cells.add(c.getText());
        }
        return cells;
    }

    /**
     * Reads a PDF report by text extraction (PDFBox). Rows are recovered as text lines between the
     * Delivery Detail heading and the legend, column headings and page footers left out; a row's
     * a row is then its text without white space, compared with the
     * expected cells squeezed the same way ({@link #joined}).
     *
     * @param bytes      the PDF
     * @param labels     the labels whose values to recover
     */
    public static ReadBack pdf(byte[] bytes, List<String> labels) throws IOException {
        String text;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            text = s.getText(doc);
        }
        Map<String, String> labeled = new LinkedHashMap<>();
        for (String label : labels) {
            Matcher m = Pattern.compile(Pattern.quote(label + ":") + " (\\d+)").matcher(text);
            if (m.find()) {
                labeled.put(label, m.group(1));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        String head = squeeze(String.join("", ReportModel.DETAIL_COLUMNS));
        boolean inDetail = false;
        for (String line : text.split("\\R")) {
            String l = squeeze(line);
            if (l.equals(squeeze(ReportModel.DELIVERY_DETAIL))) {
                inDetail = true;
            } else if (inDetail && (l.startsWith("*Recipientnot") || l.startsWith("\u2020Duplicate"))) {
                inDetail = false;
            } else if (inDetail && !l.isEmpty() && !l.equals(head) && !l.startsWith("Generatedon")) {
                rows.add(List.of(l));
            }
        }
        return new ReadBack(labeled, rows, text);
    }

    /**
     * A row as PDF text extraction recovers it: the cells' text in column order with all white space
     * removed (extraction puts spaces by glyph distance, not where the cells put them; CSV and DOCX
     * check the cell boundaries exactly).
     */
    public static List<String> joined(List<String> cells) {
        return List.of(squeeze(String.join("", cells)));
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
