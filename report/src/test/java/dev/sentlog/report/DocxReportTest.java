package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.model.ReportModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DOCX package: what Word, LibreOffice and POI need to open it with the report's structure. */
class DocxReportTest {

    private static XWPFDocument open() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFixtures.reports().write(ReportFixtures.district(), ReportFixtures.options(ReportDetail.ALL,
                ReportFormat.DOCX), out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    @DisplayName("P7: the DOCX has the PDF's structure: title, section headings in order, detail table last")
    void p7Structure() throws IOException {
        try (XWPFDocument doc = open()) {
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(headings).containsExactly(ReportModel.DELIVERY_SUMMARY, ReportModel.FILTER_CRITERIA_DETAIL,
                    ReportModel.MESSAGE_DETAIL, ReportModel.DELIVERY_DETAIL);
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo(ReportModel.TITLE);
            List<XWPFTable> tables = doc.getTables();
            XWPFTable detail = tables.get(tables.size() - 1);
            assertThat(detail.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactlyElementsOf(ReportModel.DETAIL_COLUMNS);
            assertThat(detail.getRow(0).isRepeatHeader()).as("header row repeated on every page").isTrue();
            assertThat(detail.getNumberOfRows()).isEqualTo(1 + ReportContentTest.ALL_ROWS.size());
        }
    }

    @Test
    @DisplayName("POI's log4j-api logging is routed to SLF4J (no StatusLogger fallback)")
    void poiLogsThroughSlf4j() {
        assertThat(org.apache.logging.log4j.LogManager.getFactory().getClass().getName())
                .isEqualTo("org.apache.logging.slf4j.SLF4JLoggerContextFactory");
    }

    @Test
    @DisplayName("P7: the DOCX footer has the generated-on time and Page n of N fields")
    void footer() throws IOException {
        try (XWPFDocument doc = open()) {
            List<XWPFFooter> footers = doc.getFooterList();
            assertThat(footers).hasSize(1);
            String xml = footers.get(0).getParagraphs().get(0).getCTP().xmlText();
            assertThat(xml).contains(" PAGE ").contains(" NUMPAGES ");
            assertThat(footers.get(0).getText()).contains("Generated on 12/02/2019 09:30:15 AM").contains("Page");
        }
    }
}
