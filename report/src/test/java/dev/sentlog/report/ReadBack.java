package dev.sentlog.report;

import dev.sentlog.report.model.ChartOutcome;
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
 * @param chart   the outcome chart (SPEC E2) in the CSV's table form: per channel its label, the count
 *                of each outcome in {@link ChartOutcome} order, and its total
 */
public record ReadBack(Map<String, String> labeled, List<List<String>> rows, String text, List<List<String>> chart) {

    private static final Pattern CHART_HEADING = Pattern.compile("(.+) \\((\\d+) devices?\\)");

    /** Reads a CSV report with commons-csv. */
    public static ReadBack csv(byte[] bytes) throws IOException {
        Map<String, String> labeled = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> chart = new ArrayList<>();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.parse(r)) {
            boolean inDetail = false;
            boolean inChart = false;
            for (CSVRecord rec : p) {
                List<String> cells = rec.toList();
                if (inChart) {
                    if (cells.size() == ReportModel.OUTCOME_COLUMNS.size()) {
                        chart.add(cells);
                        continue;
                    }
                    inChart = false;
                }
                if (cells.equals(ReportModel.OUTCOME_COLUMNS)) {
                    inChart = true;
                    continue;
                }
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
        return new ReadBack(labeled, rows, new String(bytes, StandardCharsets.UTF_8), chart);
    }

    /** Reads a DOCX report with Apache POI: label/value tables and the Delivery Detail table. */
    public static ReadBack docx(byte[] bytes) throws IOException {
        Map<String, String> labeled = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> chart = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            doc.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            for (XWPFTable t : doc.getTables()) {
                List<XWPFTableRow> trs = t.getRows();
                List<String> first = cells(trs.get(0));
                Matcher heading = CHART_HEADING.matcher(first.get(0));
                if (first.size() == 1 && heading.matches()) {
                    // a channel of the outcome chart: label, then the bar cell and the cell after it,
                    // one of them holding the number
                    Map<String, String> counts = new LinkedHashMap<>();
                    for (int i = 1; i < trs.size(); i++) {
                        List<String> cells = cells(trs.get(i));
                        text.append(String.join(" ", cells)).append('\n');
                        counts.put(cells.get(0), String.join("", cells.subList(1, cells.size())));
                    }
                    chart.add(chartRow(heading.group(1), counts, heading.group(2)));
                    continue;
                }
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
        return new ReadBack(labeled, rows, text.toString(), chart);
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
        List<List<String>> chart = new ArrayList<>();
        String channel = null;
        String devices = null;
        Map<String, String> counts = new LinkedHashMap<>();
        boolean inChart = false;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            Matcher heading = CHART_HEADING.matcher(l);
            Matcher bar = Pattern.compile("(\\D+?)\\s+(\\d+)").matcher(l);
            if (squeeze(l).equals(squeeze(ReportModel.OUTCOME_CHART))) {
                inChart = true;
            } else if (l.isEmpty()) {
                continue;
            } else if (inChart && heading.matches()) {
                if (channel != null) {
                    chart.add(chartRow(channel, counts, devices));
                }
                channel = heading.group(1);
                devices = heading.group(2);
                counts = new LinkedHashMap<>();
            } else if (inChart && channel != null && bar.matches()) {
                counts.put(bar.group(1), bar.group(2));
            } else if (inChart && channel != null) {
                break;
            }
        }
        if (channel != null) {
            chart.add(chartRow(channel, counts, devices));
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
        return new ReadBack(labeled, rows, text, chart);
    }

    /** A channel's bars, by outcome label, as a row of the chart's CSV table. */
    private static List<String> chartRow(String channel, Map<String, String> byLabel, String devices) {
        List<String> row = new ArrayList<>();
        row.add(channel);
        for (ChartOutcome o : ChartOutcome.values()) {
            row.add(byLabel.getOrDefault(o.label(), "missing"));
        }
        row.add(devices);
        return row;
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
