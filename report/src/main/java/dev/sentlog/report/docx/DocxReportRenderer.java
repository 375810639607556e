package dev.sentlog.report.docx;

import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.report.model.ChannelOutcomes;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.LabeledValue;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.report.model.ReportRenderer;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Sent Message Report as a Word document (Office Open XML, SPEC P7), with the structure of the
 * PDF: title, header and Delivery Summary as two-column blocks, the outcome chart (a table of shaded
 * bar cells per channel), Filter Criteria and Message Detail,
 * the Delivery Detail table (fixed column widths, header row repeated on every page, {@code †} as
 * the duplicate mark), and a footer with the generated-on time and "Page n of N" fields.
 *
 * <p>The WordprocessingML body is streamed straight into the package's {@code word/document.xml}
 * zip entry, one row at a time: no object model of the table is built, so memory stays bounded for
 * any number of rows. The package holds the minimal parts Word, LibreOffice and Apache POI accept
 * (content types, relationships, document, styles, footer, core properties).
 *
 * <p>Stateless and thread-safe.
 */
public final class DocxReportRenderer implements ReportRenderer {

    /** US Letter, 0.5 inch margins, in twentieths of a point. */
    private static final int PAGE_W = 12240;
    private static final int PAGE_H = 15840;
    private static final int MARGIN = 720;
    private static final int TEXT_W = PAGE_W - 2 * MARGIN;
    private static final int[] DETAIL_PERCENT = {18, 16, 28, 20, 18};
    private static final int[] HEADER_PERCENT = {16, 34, 16, 34};
    private static final int[] SUMMARY_PERCENT = {16, 26, 45, 13};
    private static final int[] SINGLE_PERCENT = {20, 80};
    /** The outcome chart's bar track, in grid columns. */
    private static final int BAR_UNITS = 100;
    /** Grid columns a bar needs, besides one per digit, to hold its number. */
    private static final int NUMBER_UNITS = 3;
    private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        XmlOut x = new XmlOut(new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16));
        part(zip, x, "[Content_Types].xml", Parts.CONTENT_TYPES);
        part(zip, x, "_rels/.rels", Parts.PACKAGE_RELS);
        part(zip, x, "docProps/core.xml", Parts.CORE);
        part(zip, x, "word/_rels/document.xml.rels", Parts.DOCUMENT_RELS);
        part(zip, x, "word/styles.xml", Parts.STYLES);
        zip.putNextEntry(new ZipEntry("word/footer1.xml"));
        footer(x, model.generatedOn());
        x.flush();
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("word/document.xml"));
        document(x, model);
        x.flush();
        zip.closeEntry();
        zip.finish();
        out.flush();
    }

    private static void part(ZipOutputStream zip, XmlOut x, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        x.raw(content);
        x.flush();
        zip.closeEntry();
    }

    private static void footer(XmlOut x, String generatedOn) throws IOException {
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"" + W_NS
                + "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"" + TEXT_W
                + "\"/></w:tabs></w:pPr>");
        run(x, "Generated on " + generatedOn);
        x.raw("<w:r><w:tab/><w:t xml:space=\"preserve\">Page </w:t></w:r>");
        field(x, "PAGE", "1");
        x.raw("<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>");
        field(x, "NUMPAGES", "1");
        x.raw("</w:p></w:ftr>");
    }

    private static void field(XmlOut x, String instr, String shown) throws IOException {
        x.raw("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> " + instr
                + " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>" + shown
                + "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    }

    private static void document(XmlOut x, ReportModel model) throws IOException {
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W_NS
                + "\" xmlns:r=\"" + R_NS + "\"><w:body>");
        paragraph(x, "Title", ReportModel.TITLE);
        labeledBlock(x, model.header(), HEADER_PERCENT);
        paragraph(x, "Heading1", ReportModel.DELIVERY_SUMMARY);
        labeledBlock(x, model.summary(), SUMMARY_PERCENT);
        if (!model.outcomeChart().isEmpty()) {
            paragraph(x, "ChartTitle", ReportModel.OUTCOME_CHART);
            for (ChannelOutcomes c : model.outcomeChart()) {
                outcomeChart(x, c);
            }
        }
        if (model.filterCriteria().isPresent()) {
            paragraph(x, "Heading1", ReportModel.FILTER_CRITERIA_DETAIL);
            for (FilterCriterion c : model.filterCriteria().get()) {
                if (c.value().isPresent()) {
                    labeledBlock(x, List.of(LabeledValue.of(c.label(), c.value().get())), SINGLE_PERCENT);
                } else {
                    FilterTable t = c.table().orElseThrow();
                    labeledBlock(x, List.of(LabeledValue.of(c.label(), "")), SINGLE_PERCENT);
                    int n = Math.max(1, t.columns().size());
                    int[] widths = new int[n];
                    Arrays.fill(widths, TEXT_W / n);
                    gridStart(x, widths);
                    gridRow(x, t.columns(), true);
                    for (List<String> row : t.rows()) {
                        gridRow(x, row, false);
                    }
                    x.raw("</w:tbl>");
                }
            }
        }
        if (model.messageDetail().isPresent()) {
            paragraph(x, "Heading1", ReportModel.MESSAGE_DETAIL);
            labeledBlock(x, model.messageDetail().get(), SINGLE_PERCENT);
        }
        if (model.hasDeliveryDetail()) {
            paragraph(x, "Heading1", ReportModel.DELIVERY_DETAIL);
            gridStart(x, twips(DETAIL_PERCENT));
            gridRow(x, ReportModel.DETAIL_COLUMNS, true);
            for (DetailRow r : model.rows()) {
                x.raw("<w:tr>");
                cell(x, r.recipientCell());
                cell(x, r.student());
                cell(x, r.deviceCell(DetailRow.DUPLICATE_MARK));
                cell(x, r.statusCell());
                cell(x, r.time());
                x.raw("</w:tr>");
            }
            x.raw("</w:tbl>");
            for (String line : model.legend(DetailRow.DUPLICATE_MARK)) {
                paragraph(x, "Legend", line);
            }
        }
        x.raw("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:pgSz w:w=\"" + PAGE_W
                + "\" w:h=\"" + PAGE_H + "\"/><w:pgMar w:top=\"" + MARGIN + "\" w:right=\"" + MARGIN
                + "\" w:bottom=\"" + MARGIN + "\" w:left=\"" + MARGIN
                + "\" w:header=\"360\" w:footer=\"360\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    }

    private static void paragraph(XmlOut x, String style, String text) throws IOException {
        x.raw("<w:p><w:pPr><w:pStyle w:val=\"").raw(style).raw("\"/></w:pPr>");
        run(x, text);
        x.raw("</w:p>");
    }

    /** One run; line breaks in the text become {@code <w:br/>}. */
    private static void run(XmlOut x, String text) throws IOException {
        x.raw("<w:r><w:t xml:space=\"preserve\">");
        int start = 0;
        int nl;
        while ((nl = text.indexOf('\n', start)) >= 0) {
            x.text(stripCr(text.substring(start, nl))).raw("</w:t><w:br/><w:t xml:space=\"preserve\">");
            start = nl + 1;
        }
        x.text(start == 0 ? text : text.substring(start)).raw("</w:t></w:r>");
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void cell(XmlOut x, String text) throws IOException {
        x.raw("<w:tc><w:p>");
        if (!text.isEmpty()) {
            run(x, text);
        }
        x.raw("</w:p></w:tc>");
    }

    private static void gridStart(XmlOut x, int[] widths) throws IOException {
        x.raw("<w:tbl><w:tblPr><w:tblStyle w:val=\"SentlogGrid\"/><w:tblW w:w=\"" + TEXT_W
                + "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (int w : widths) {
            x.raw("<w:gridCol w:w=\"" + w + "\"/>");
        }
        x.raw("</w:tblGrid>");
    }

    private static void gridRow(XmlOut x, List<String> cells, boolean header) throws IOException {
        x.raw(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
        for (String c : cells) {
            if (header) {
                x.raw("<w:tc><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E4E9F0\"/></w:tcPr><w:p>"
                        + "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">");
                x.text(c).raw("</w:t></w:r></w:p></w:tc>");
            } else {
                cell(x, c);
            }
        }
        x.raw("</w:tr>");
    }

    /** Label/value pairs in side-by-side columns, filled top to bottom, as a borderless table. */
    private static void labeledBlock(XmlOut x, List<LabeledValue> lines, int[] percent) throws IOException {
        int columns = percent.length / 2;
        int[] widths = twips(percent);
        x.raw("<w:tbl><w:tblPr><w:tblStyle w:val=\"SentlogBlock\"/><w:tblW w:w=\"" + TEXT_W
                + "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (int w : widths) {
            x.raw("<w:gridCol w:w=\"" + w + "\"/>");
        }
        x.raw("</w:tblGrid>");
        int rows = (lines.size() + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            x.raw("<w:tr>");
            for (int c = 0; c < columns; c++) {
                int i = c * rows + r;
                LabeledValue v = i < lines.size() ? lines.get(i) : null;
                x.raw("<w:tc><w:p><w:pPr><w:pStyle w:val=\"Label\"/></w:pPr>");
                if (v != null) {
                    run(x, v.label() + ":");
                }
                x.raw("</w:p></w:tc>");
                cell(x, v == null ? "" : v.value());
            }
            x.raw("</w:tr>");
        }
        x.raw("</w:tbl>");
    }

    /**
     * One channel of the outcome chart (SPEC E2) as a table: a heading row, then per outcome its label
     * and a bar of {@value #BAR_UNITS} grid columns, the bar cell spanning the outcome's share of them,
     * shaded with its gray and outlined, its number written in it (in the cell after it when the bar is
     * too narrow to hold the number).
     */
    private static void outcomeChart(XmlOut x, ChannelOutcomes channel) throws IOException {
        int labelWidth = TEXT_W * 18 / 100;
        int unit = (TEXT_W - labelWidth) / BAR_UNITS;
        x.raw("<w:tbl><w:tblPr><w:tblStyle w:val=\"SentlogBlock\"/><w:tblW w:w=\"" + (labelWidth + unit * BAR_UNITS)
                + "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\""
                + labelWidth + "\"/>");
        for (int i = 0; i < BAR_UNITS; i++) {
            x.raw("<w:gridCol w:w=\"" + unit + "\"/>");
        }
        x.raw("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"" + (BAR_UNITS + 1)
                + "\"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:spacing w:before=\"100\" w:after=\"20\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">");
        x.text(channel.heading()).raw("</w:t></w:r></w:p></w:tc></w:tr>");
        int total = channel.devices();
        List<ChannelOutcomes.OutcomeCount> counts = channel.counts();
        for (int i = 0; i < counts.size(); i++) {
            ChannelOutcomes.OutcomeCount c = counts.get(i);
            boolean last = i == counts.size() - 1;
            int span = c.devices() == 0 ? 0
                    : Math.max(1, (int) Math.round((double) BAR_UNITS * c.devices() / total));
            String number = Integer.toString(c.devices());
            boolean inside = span >= NUMBER_UNITS + number.length();
            x.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:p><w:pPr><w:pStyle w:val=\"Label\"/>"
                    + (last ? "" : "<w:keepNext/>") + "</w:pPr>");
            run(x, c.outcome().label());
            x.raw("</w:p></w:tc>");
            if (span > 0) {
                String gray = gray(c.outcome().shade());
                x.raw("<w:tc><w:tcPr><w:gridSpan w:val=\"" + span + "\"/><w:tcBorders>"
                        + "<w:top w:val=\"single\" w:sz=\"4\" w:color=\"404040\"/>"
                        + "<w:left w:val=\"single\" w:sz=\"4\" w:color=\"404040\"/>"
                        + "<w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"404040\"/>"
                        + "<w:right w:val=\"single\" w:sz=\"4\" w:color=\"404040\"/></w:tcBorders>"
                        + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + gray + "\"/></w:tcPr>");
                barNumber(x, inside ? number : "", last);
                x.raw("</w:tc>");
            }
            if (span < BAR_UNITS) {
                x.raw("<w:tc><w:tcPr><w:gridSpan w:val=\"" + (BAR_UNITS - span) + "\"/></w:tcPr>");
                barNumber(x, inside ? "" : number, last);
                x.raw("</w:tc>");
            }
            x.raw("</w:tr>");
        }
        x.raw("</w:tbl>");
    }

    private static void barNumber(XmlOut x, String number, boolean last) throws IOException {
        x.raw("<w:p><w:pPr>" + (last ? "" : "<w:keepNext/>") + "<w:ind w:left=\"60\"/></w:pPr>");
        if (!number.isEmpty()) {
            x.raw("<w:r><w:rPr><w:b/></w:rPr><w:t>").text(number).raw("</w:t></w:r>");
        }
        x.raw("</w:p>");
    }

    /** A gray level (0 black, 1 white) as a WordprocessingML colour. */
    private static String gray(float level) {
        int v = Math.round(level * 255);
        return String.format(java.util.Locale.ROOT, "%02X%02X%02X", v, v, v);
    }

    private static int[] twips(int[] percent) {
        int[] w = new int[percent.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = TEXT_W * percent[i] / 100;
        }
        return w;
    }

    /** Lets the zip stream finish without closing the host's stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
