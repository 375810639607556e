package dev.sentlog.core.log;

/** The tool rights the log checks (SPEC T1, T2). Each log has its own Read and Cancel rights. */
public enum ToolRight {
    /** View, refresh and print in the user's own log. */
    READ_OWN_LOG(LogKind.OWN, "Read"),
    /** Cancel in the user's own log (with {@link #READ_OWN_LOG}). */
    CANCEL_OWN_LOG(LogKind.OWN, "Cancel"),
    /** View, refresh and print in the administration log. */
    READ_ADMINISTRATION_LOG(LogKind.ADMINISTRATION, "Read"),
    /** Cancel in the administration log (with {@link #READ_ADMINISTRATION_LOG}). */
    CANCEL_ADMINISTRATION_LOG(LogKind.ADMINISTRATION, "Cancel"),
    /**
     * See the contacts to fix and the "do not contact" list (SPEC H3), limited to the caller's
     * schools as in T3. A district-wide list, so a right of the administration log.
     */
    CONTACTS(LogKind.ADMINISTRATION, "Contacts"),
    /** Resend a message of the user's own log (SPEC Y3; with {@link #READ_OWN_LOG}). */
    RESEND_OWN_LOG(LogKind.OWN, "Resend"),
    /** Resend a message of the administration log (SPEC Y3; with {@link #READ_ADMINISTRATION_LOG}). */
    RESEND_ADMINISTRATION_LOG(LogKind.ADMINISTRATION, "Resend"),
    /**
     * Read the Recipient Log and household reach (SPEC H2, H4): messages of every sender, like the
     * administration log, within the caller's schools (T3).
     */
    RECIPIENT_LOG(LogKind.ADMINISTRATION, "Read");

    private final LogKind log;
    private final String label;

    ToolRight(LogKind log, String label) {
        this.log = log;
        this.label = label;
    }

    /** The log this right applies to; the Recipient Log's right spans every sender, as the administration log. */
    public LogKind log() {
        return log;
    }

    /** The tool the right belongs to, as people read it (e.g. {@code administration Sent Message Log}). */
    public String tool() {
        return this == RECIPIENT_LOG ? "Recipient Log" : log.label();
    }

    /** The right's name: {@code Read}, {@code Cancel}, {@code Contacts} or {@code Resend}. */
    public String label() {
        return label;
    }

    /**
     * Returns its Read right.
     *
     * @param log a log
     * @return its Read right
     */
    public static ToolRight read(LogKind log) {
        return log == LogKind.OWN ? READ_OWN_LOG : READ_ADMINISTRATION_LOG;
    }

    /**
     * Returns its Cancel right.
     *
     * @param log a log
     * @return its Cancel right
     */
    public static ToolRight cancel(LogKind log) {
        return log == LogKind.OWN ? CANCEL_OWN_LOG : CANCEL_ADMINISTRATION_LOG;
    }

    /**
     * Returns its Resend right (SPEC Y3: within the scope Cancel uses).
     *
     * @param log a log
     * @return its Resend right
     */
    public static ToolRight resend(LogKind log) {
        return log == LogKind.OWN ? RESEND_OWN_LOG : RESEND_ADMINISTRATION_LOG;
    }
}
