package dev.sentlog.report;

import dev.sentlog.core.SentlogException;

/**
 * Writing a report to the host's output stream failed (an I/O error, or the PDF or DOCX library
 * refused the document). Carries the message id and the format.
 */
public final class ReportWriteException extends SentlogException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final ReportFormat format;

    ReportWriteException(String messageId, ReportFormat format, Throwable cause) {
        super("could not write the " + format + " report of message " + messageId + ": " + cause.getMessage(), cause);
        this.messageId = messageId;
        this.format = format;
    }

    /** The id of the message whose report failed. */
    public String messageId() {
        return messageId;
    }

    /** The format being written. */
    public ReportFormat format() {
        return format;
    }
}
