package dev.sentlog.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Draws each page's footer: "Generated on …" on the left, "Page n of N" on the right, with N filled
 * into a shared template when the document closes.
 */
final class PageFooter extends PdfPageEventHelper {

    private static final float SIZE = 7.5f;

    private final FontSet fonts;
    private final FontSet.Style style;
    private final String generatedOn;
    private PdfTemplate total;

    PageFooter(FontSet fonts, String generatedOn) {
        this.fonts = fonts;
        this.style = fonts.style(SIZE, false, PdfReportRenderer.MUTED);
        this.generatedOn = generatedOn;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float y = document.bottom() - 24;
        cb.saveState();
        cb.setColorStroke(PdfReportRenderer.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(document.left(), document.bottom() - 12);
        cb.lineTo(document.right(), document.bottom() - 12);
        cb.stroke();
        cb.restoreState();
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase("Generated on " + generatedOn, style),
                document.left(), y, 0);
        String page = "Page " + writer.getPageNumber() + " of ";
        float width = fonts.primary().getWidthPoint(page, SIZE);
        float x = document.right() - 40 - width;
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(page, style.primary()), x, y, 0);
        cb.addTemplate(total, x + width, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                new Phrase(Integer.toString(writer.getPageNumber() - 1), style.primary()), 0, 0, 0);
    }
}
