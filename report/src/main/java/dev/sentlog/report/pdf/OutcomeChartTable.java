package dev.sentlog.report.pdf;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import dev.sentlog.report.model.ChannelOutcomes;
import dev.sentlog.report.model.ReportModel;
import java.util.List;

/**
 * Lays out the outcome chart (SPEC E2) as one table per channel: a heading row with the channel and
 * its number of devices, then one row per outcome with its label and a horizontal bar whose length is
 * the outcome's share of the channel's devices. The bar is drawn under the cell's text by a cell event,
 * filled with the outcome's gray ({@link dev.sentlog.report.model.ChartOutcome#shade()}) and outlined,
 * and its number is written on it (just after it when the bar is too short to hold it).
 */
final class OutcomeChartTable {

    /** The label and bar columns, in parts of the text width. */
    private static final float[] WIDTHS = {18, 82};
    /** The bar track's width in points: US Letter less the margins, times the bar column's part. */
    private static final float TRACK = (612 - 72) * 0.82f;
    private static final float MIN_BAR = 1.5f;
    private static final float PAD = 3;

    private OutcomeChartTable() {
    }

    static PdfPTable of(FontSet fs, PdfReportRenderer.Styles st, ChannelOutcomes channel) {
        PdfPTable t = new PdfPTable(WIDTHS.length);
        t.setWidthPercentage(100);
        t.setWidths(WIDTHS);
        t.setKeepTogether(true);
        t.setSpacingAfter(4);
        PdfPCell heading = new PdfPCell(fs.phrase(channel.heading(), st.columnHead));
        heading.setColspan(2);
        heading.setBorder(Rectangle.NO_BORDER);
        heading.setPaddingLeft(0);
        heading.setPaddingBottom(3);
        t.addCell(heading);
        int total = channel.devices();
        for (ChannelOutcomes.OutcomeCount c : channel.counts()) {
            PdfPCell label = new PdfPCell(fs.phrase(c.outcome().label(), st.label));
            label.setBorder(Rectangle.NO_BORDER);
            label.setPaddingLeft(0);
            label.setPaddingTop(2);
            label.setPaddingBottom(3);
            t.addCell(label);
            float bar = c.devices() == 0 ? 0 : Math.max(MIN_BAR, TRACK * c.devices() / total);
            String number = Integer.toString(c.devices());
            PdfPCell cell = new PdfPCell(fs.phrase(number, st.columnHead));
            cell.setBorder(Rectangle.NO_BORDER);
            // the number inside the bar when it fits, else just after it
            float textWidth = number.length() * PdfReportRenderer.BODY * 0.6f;
            cell.setPaddingLeft(bar >= textWidth + 2 * PAD ? PAD : bar + PAD);
            cell.setPaddingTop(2);
            cell.setPaddingBottom(3);
            cell.setCellEvent(new Bar(bar, c.outcome().shade()));
            t.addCell(cell);
        }
        return t;
    }

    /** The bar under a cell's text: a filled, outlined rectangle from the cell's left edge. */
    private static final class Bar implements PdfPCellEvent {
        private final float width;
        private final float shade;

        Bar(float width, float shade) {
            this.width = width;
            this.shade = shade;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.BACKGROUNDCANVAS];
            cb.saveState();
            // the empty track, so a short or empty bar still shows its scale
            cb.setGrayStroke(0.8f);
            cb.setLineWidth(0.4f);
            cb.rectangle(position.getLeft(), position.getBottom() + 1.5f, TRACK, position.getHeight() - 3);
            cb.stroke();
            if (width > 0) {
                cb.setGrayFill(shade);
                cb.setGrayStroke(0.25f);
                cb.setLineWidth(0.6f);
                cb.rectangle(position.getLeft(), position.getBottom() + 1.5f, width, position.getHeight() - 3);
                cb.fillStroke();
            }
            cb.restoreState();
        }
    }

    /** The chart's tables, one per channel, in the model's order. */
    static List<PdfPTable> tables(FontSet fs, PdfReportRenderer.Styles st, ReportModel model) {
        return model.outcomeChart().stream().map(c -> of(fs, st, c)).toList();
    }
}
