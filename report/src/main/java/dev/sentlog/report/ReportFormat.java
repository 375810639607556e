package dev.sentlog.report;

/** The file format of a Sent Message Report (SPEC P1). */
public enum ReportFormat {
    /** A paginated PDF with embedded, subset fonts. */
    PDF("pdf", "application/pdf"),
    /** Comma-separated values: UTF-8 with a byte order mark, RFC 4180 quoting. */
    CSV("csv", "text/csv"),
    /** A Word document (Office Open XML). */
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The usual file name extension, without the dot, e.g. {@code "pdf"}. */
    public String extension() {
        return extension;
    }

    /** The media type a host sends with the file, e.g. {@code "application/pdf"}. */
    public String mediaType() {
        return mediaType;
    }
}
