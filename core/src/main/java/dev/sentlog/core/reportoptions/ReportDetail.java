package dev.sentlog.core.reportoptions;

/** The detail level of the Sent Message Report (SPEC P1). */
public enum ReportDetail {
    /** Header, summary, filter criteria, message detail and every delivery row. */
    ALL("All"),
    /** Header and Delivery Summary only. */
    SUMMARY("Summary"),
    /** Every delivery row of each recipient with at least one failed device (SPEC K6); refused for
     * Waiting and In-Progress messages (P2). */
    FAILED_DELIVERY("Failed Delivery");

    private final String label;

    ReportDetail(String label) {
        this.label = label;
    }

    /** The label people read. */
    public String label() {
        return label;
    }
}
