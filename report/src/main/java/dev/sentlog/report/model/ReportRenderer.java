package dev.sentlog.report.model;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Lays a {@link ReportModel} out in one file format. A renderer adds no content (SPEC P7): it prints
 * the model's blocks and rows, choosing only fonts, spacing and the format's duplicate mark.
 *
 * <p>Implementations stream: they iterate {@link ReportModel#rows()} once and keep memory bounded
 * whatever the number of rows. They do not close the stream.
 */
@FunctionalInterface
public interface ReportRenderer {

    /**
     * Writes the report.
     *
     * @param model the report content
     * @param out   where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    void render(ReportModel model, OutputStream out) throws IOException;
}
