/**
 * Sentlog report: the Sent Message Report, one report model rendered as PDF, CSV or DOCX.
 *
 * <p>{@code dev.sentlog.report.internal} is not exported: it holds the module's own argument checks.
 */
@SuppressWarnings("requires-automatic") // OpenPDF ships no module descriptor, only its automatic name
module dev.sentlog.report {
    requires transitive dev.sentlog.core;
    requires org.slf4j;
    requires org.apache.commons.csv;
    requires com.github.librepdf.openpdf;
    // OpenPDF draws with java.awt.Color
    requires java.desktop;

    exports dev.sentlog.report;
    exports dev.sentlog.report.model;
    exports dev.sentlog.report.font;
    exports dev.sentlog.report.pdf;
    exports dev.sentlog.report.csv;
    exports dev.sentlog.report.reach;
    exports dev.sentlog.report.docx;
}
