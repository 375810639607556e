package dev.sentlog.report.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPTableEvent;
import java.awt.Color;

/**
 * Draws a grid table's decoration once per row instead of once per cell: the heading rows' fill, a
 * light stripe on every other body row, and a rule under each row. One per table; the stripe parity
 * carries over the chunks and pages the table is written in.
 */
final class RowRules implements PdfPTableEvent {

    private long bodyRows;

    @Override
    public void tableLayout(PdfPTable table, float[][] widths, float[] heights, int headerRows, int rowStart,
                            PdfContentByte[] canvases) {
        PdfContentByte bg = canvases[PdfPTable.BACKGROUNDCANVAS];
        PdfContentByte lines = canvases[PdfPTable.LINECANVAS];
        lines.saveState();
        lines.setColorStroke(PdfReportRenderer.RULE);
        lines.setLineWidth(0.5f);
        for (int r = 0; r < heights.length - 1; r++) {
            float left = widths[r][0];
            float right = widths[r][widths[r].length - 1];
            float top = heights[r];
            float bottom = heights[r + 1];
            Color fill = r < headerRows ? PdfReportRenderer.HEADER_FILL
                    : (bodyRows++ & 1) == 1 ? PdfReportRenderer.STRIPE : null;
            if (fill != null) {
                bg.setColorFill(fill);
                bg.rectangle(left, bottom, right - left, top - bottom);
                bg.fill();
            }
            lines.moveTo(left, bottom);
            lines.lineTo(right, bottom);
        }
        lines.stroke();
        lines.restoreState();
    }
}
