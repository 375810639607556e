package dev.sentlog.report.csv;

import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.FilterTable;
import dev.sentlog.report.model.ChannelOutcomes;
import dev.sentlog.report.model.DetailRow;
import dev.sentlog.report.model.LabeledValue;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.report.model.ReportRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The Sent Message Report as CSV (SPEC P7, P9): UTF-8 with a byte order mark (so spreadsheet programs
 * read names intact), RFC 4180 quoting and CRLF line ends.
 *
 * <p>Layout: the title, then each block as {@code label,value} records under a one-cell title record,
 * blocks separated by an empty record; the outcome chart (SPEC E2) is a table under the Delivery
 * Summary: a {@code Channel}, one column per outcome and {@code Total} heading record, then one record
 * per channel; the Delivery Detail is a five-column table (header record, then
 * one record per row) with {@code &} as the duplicate mark. Every cell is neutralised against formula
 * injection ({@link FormulaGuard}).
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvReportRenderer implements ReportRenderer {

    private static final char BOM = '\uFEFF';

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        record(p, ReportModel.TITLE);
        labeled(p, model.header());
        p.println();
        record(p, ReportModel.DELIVERY_SUMMARY);
        labeled(p, model.summary());
        if (!model.outcomeChart().isEmpty()) {
            p.println();
            record(p, ReportModel.OUTCOME_CHART);
            record(p, ReportModel.OUTCOME_COLUMNS.toArray(String[]::new));
            for (ChannelOutcomes c : model.outcomeChart()) {
                record(p, c.tableRow().toArray(String[]::new));
            }
        }
        if (model.filterCriteria().isPresent()) {
            p.println();
            record(p, ReportModel.FILTER_CRITERIA_DETAIL);
            for (FilterCriterion c : model.filterCriteria().get()) {
                if (c.value().isPresent()) {
                    record(p, c.label(), c.value().get());
                } else {
                    FilterTable t = c.table().orElseThrow();
                    record(p, c.label());
                    record(p, t.columns().toArray(String[]::new));
                    for (List<String> row : t.rows()) {
                        record(p, row.toArray(String[]::new));
                    }
                }
            }
        }
        if (model.messageDetail().isPresent()) {
            p.println();
            record(p, ReportModel.MESSAGE_DETAIL);
            labeled(p, model.messageDetail().get());
        }
        if (model.hasDeliveryDetail()) {
            p.println();
            record(p, ReportModel.DELIVERY_DETAIL);
            record(p, ReportModel.DETAIL_COLUMNS.toArray(String[]::new));
            for (DetailRow r : model.rows()) {
                p.print(FormulaGuard.neutralise(r.recipientCell()));
                p.print(FormulaGuard.neutralise(r.student()));
                p.print(FormulaGuard.neutralise(r.deviceCell(DetailRow.CSV_DUPLICATE_MARK)));
                p.print(FormulaGuard.neutralise(r.statusCell()));
                p.print(FormulaGuard.neutralise(r.time()));
                p.println();
            }
            p.println();
            for (String line : model.legend(DetailRow.CSV_DUPLICATE_MARK)) {
                record(p, line);
            }
        }
        p.flush();
    }

    private static void labeled(CSVPrinter p, List<LabeledValue> lines) throws IOException {
        for (LabeledValue v : lines) {
            record(p, v.label(), v.value());
        }
    }

    private static void record(CSVPrinter p, String... cells) throws IOException {
        for (String c : cells) {
            p.print(FormulaGuard.neutralise(c));
        }
        p.println();
    }
}
