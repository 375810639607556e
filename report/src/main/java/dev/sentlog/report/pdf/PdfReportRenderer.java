package dev.sentlog.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.report.font.FontRegistry;
import dev.sentlog.report.internal.Checks;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.LabeledValue;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.report.model.ReportRenderer;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The Sent Message Report as PDF (US Letter, portrait): a title block, the header and Delivery
 * Summary as compact two-column blocks, the outcome chart under the summary (one table of bars per
 * channel, {@link OutcomeChartTable}), Filter Criteria and Message Detail, then the Delivery Detail
 * table with its header row repeated on every page and long names wrapping inside their column. Every
 * page's footer has the generated-on time and "Page n of N".
 *
 * <p>The table is added to the document in chunks of {@value #CHUNK_ROWS} rows
 * ({@code PdfPTable.setComplete(false)}), so rows are written to the stream as pages fill and memory
 * stays bounded. Text is drawn with the {@link FontRegistry}'s fonts, embedded as subsets, chosen per
 * character (SPEC P8).
 *
 * <p>Thread-safe: each {@link #render} call uses its own document and fonts.
 */
public final class PdfReportRenderer implements ReportRenderer {

    static final int CHUNK_ROWS = 200;
    static final float BODY = 8f;
    static final Color INK = new Color(0x20, 0x20, 0x20);
    static final Color MUTED = new Color(0x55, 0x5B, 0x66);
    static final Color RULE = new Color(0xB8, 0xBE, 0xC8);
    static final Color HEADER_FILL = new Color(0xE4, 0xE9, 0xF0);
    static final Color STRIPE = new Color(0xF6, 0xF7, 0xF9);
    private static final float[] DETAIL_WIDTHS = {18, 16, 28, 20, 18};
    private static final float[] HEADER_WIDTHS = {16, 34, 16, 34};
    private static final float[] SUMMARY_WIDTHS = {16, 26, 45, 13};
    private static final float[] SINGLE_WIDTHS = {20, 80};

    private final FontRegistry fonts;

    /**
     * A renderer drawing with the given fonts.
     *
     * @param fonts the fonts
     */
    public PdfReportRenderer(FontRegistry fonts) {
        this.fonts = Checks.requireNonNull(fonts, "fonts");
    }

    /**
     * {@inheritDoc}
     *
     * <p>OpenPDF reports an I/O failure as an unchecked {@link ExceptionConverter} and a document it
     * cannot lay out as a {@link DocumentException}; both become an {@link IOException} here, so a
     * caller tells a write failure apart from a programming error. An unchecked exception OpenPDF
     * wrapped is thrown as it is.
     */
    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        try {
            renderDocument(model, out);
        } catch (ExceptionConverter e) {
            if (e.getException() instanceof RuntimeException bug) {
                throw bug;
            }
            throw e.getException() instanceof IOException io ? io
                    : new IOException("the PDF library could not write the document", e.getException());
        } catch (DocumentException e) {
            throw new IOException("the PDF library refused the document", e);
        }
    }

    private void renderDocument(ReportModel model, OutputStream out) throws IOException {
        FontSet fs = new FontSet(fonts);
        Styles st = new Styles(fs);
        Document doc = new Document(PageSize.LETTER, 36, 36, 40, 52);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new PageFooter(fs, model.generatedOn()));
        doc.addTitle(ReportModel.TITLE);
        doc.addCreator("Sentlog");
        doc.open();
        try {
            Paragraph title = new Paragraph(fs.phrase(ReportModel.TITLE, st.title));
            title.setSpacingAfter(6);
            doc.add(title);
            doc.add(labeledBlock(fs, st, model.header(), HEADER_WIDTHS));
            doc.add(sectionTitle(fs, st, ReportModel.DELIVERY_SUMMARY));
            doc.add(labeledBlock(fs, st, model.summary(), SUMMARY_WIDTHS));
            if (!model.outcomeChart().isEmpty()) {
                Paragraph chart = new Paragraph(fs.phrase(ReportModel.OUTCOME_CHART, st.columnHead));
                chart.setSpacingBefore(6);
                chart.setSpacingAfter(3);
                doc.add(chart);
                for (PdfPTable t : OutcomeChartTable.tables(fs, st, model)) {
                    doc.add(t);
                }
            }
            if (model.filterCriteria().isPresent()) {
                doc.add(sectionTitle(fs, st, ReportModel.FILTER_CRITERIA_DETAIL));
                filterCriteria(doc, fs, st, model.filterCriteria().get());
            }
            if (model.messageDetail().isPresent()) {
                doc.add(sectionTitle(fs, st, ReportModel.MESSAGE_DETAIL));
                doc.add(labeledBlock(fs, st, model.messageDetail().get(), SINGLE_WIDTHS));
            }
            if (model.hasDeliveryDetail()) {
                doc.add(sectionTitle(fs, st, ReportModel.DELIVERY_DETAIL));
                detail(doc, fs, st, model);
                for (String line : model.legend(DetailRow.DUPLICATE_MARK)) {
                    doc.add(new Paragraph(fs.phrase(line, st.muted)));
                }
            }
        } finally {
            doc.close();
        }
    }

    /** The text styles of one document. */
    static final class Styles {
        final FontSet.Style title;
        final FontSet.Style section;
        final FontSet.Style label;
        final FontSet.Style value;
        final FontSet.Style columnHead;
        final FontSet.Style muted;

        Styles(FontSet fs) {
            title = fs.style(16, true, INK);
            section = fs.style(11, true, INK);
            label = fs.style(BODY, true, MUTED);
            value = fs.style(BODY, false, INK);
            columnHead = fs.style(BODY, true, INK);
            muted = fs.style(7.5f, false, MUTED);
        }
    }

    private static Paragraph sectionTitle(FontSet fs, Styles st, String text) {
        Paragraph p = new Paragraph(fs.phrase(text, st.section));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    /** Label/value pairs in side-by-side column pairs (one per two widths), filled top to bottom. */
    private static PdfPTable labeledBlock(FontSet fs, Styles st, List<LabeledValue> lines, float[] widths) {
        int columns = widths.length / 2;
        PdfPTable t = new PdfPTable(widths.length);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        int rows = (lines.size() + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = c * rows + r;
                LabeledValue v = i < lines.size() ? lines.get(i) : null;
                t.addCell(plain(fs.phrase(v == null ? "" : v.label() + ":", st.label)));
                t.addCell(plain(fs.phrase(v == null ? "" : v.value(), st.value)));
            }
        }
        t.setSpacingAfter(2);
        return t;
    }

    private static PdfPCell plain(Phrase p) {
        PdfPCell c = new PdfPCell(p);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingTop(1.5f);
        c.setPaddingBottom(2.5f);
        c.setPaddingLeft(0);
        return c;
    }

    private static void filterCriteria(Document doc, FontSet fs, Styles st, List<FilterCriterion> criteria) {
        for (FilterCriterion c : criteria) {
            if (c.value().isPresent()) {
                doc.add(labeledBlock(fs, st, List.of(LabeledValue.of(c.label(), c.value().get())), SINGLE_WIDTHS));
            } else {
                FilterTable ft = c.table().orElseThrow();
                doc.add(labeledBlock(fs, st, List.of(LabeledValue.of(c.label(), "")), SINGLE_WIDTHS));
                float[] widths = new float[Math.max(1, ft.columns().size())];
                Arrays.fill(widths, 1);
                PdfPTable t = gridTable(widths);
                for (String col : ft.columns()) {
                    t.addCell(fs.phrase(col, st.columnHead));
                }
                for (List<String> row : ft.rows()) {
                    for (String cell : row) {
                        t.addCell(fs.phrase(cell, st.value));
                    }
                }
                doc.add(t);
            }
        }
    }

    private static void detail(Document doc, FontSet fs, Styles st, ReportModel model) {
        PdfPTable t = gridTable(DETAIL_WIDTHS);
        t.setComplete(false);
        for (String col : ReportModel.DETAIL_COLUMNS) {
            t.addCell(fs.phrase(col, st.columnHead));
        }
        int n = 0;
        for (DetailRow r : model.rows()) {
            t.addCell(fs.phrase(r.recipientCell(), st.value));
            t.addCell(fs.phrase(r.student(), st.value));
            t.addCell(fs.phrase(r.deviceCell(DetailRow.DUPLICATE_MARK), st.value));
            t.addCell(fs.phrase(r.statusCell(), st.value));
            t.addCell(fs.phrase(r.time(), st.value));
            if (++n % CHUNK_ROWS == 0) {
                doc.add(t);
            }
        }
        if (n == 0) {
            // a table of header rows only is not drawn: show the headings as a plain row
            t.setHeaderRows(0);
        }
        t.setComplete(true);
        doc.add(t);
    }

    /**
     * A full-width table whose first row is its heading, repeated on every page; cells without
     * borders of their own ({@link RowRules} draws fills and rules per row).
     */
    private static PdfPTable gridTable(float[] widths) {
        PdfPTable t = new PdfPTable(widths.length);
        t.setWidthPercentage(100);
        t.setWidths(widths);
        t.setHeaderRows(1);
        t.setTableEvent(new RowRules());
        t.setSpacingAfter(6);
        PdfPCell c = t.getDefaultCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(3);
        c.setPaddingBottom(4);
        return t;
    }
}
