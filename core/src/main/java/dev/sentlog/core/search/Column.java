package dev.sentlog.core.search;

/** The columns of the search grid. */
public enum Column {
    /** Status (SPEC S3 pick list). */
    STATUS("Status", true),
    /** Message Type (S3 pick list). */
    MESSAGE_TYPE("Message Type", true),
    /** District/School (S3 pick list). */
    DISTRICT_OR_SCHOOL("District/School", true),
    /** Message Subject (S3 pick list). */
    SUBJECT("Message Subject", true),
    /** Sender (S3 pick list). */
    SENDER("Sender", true),
    /** Date Created (S4 text filter). */
    DATE_CREATED("Date Created", false),
    /** Date Scheduled (S4 text filter). */
    DATE_SCHEDULED("Date Scheduled", false),
    /** Schedule ID (sortable, not filterable). */
    SCHEDULE_ID("Schedule ID", false);

    private final String label;
    private final boolean pickList;

    Column(String label, boolean pickList) {
        this.label = label;
        this.pickList = pickList;
    }

    /** The column header people read. */
    public String label() {
        return label;
    }

    /** Whether the column filters by one value picked from a dropdown (SPEC S3). */
    public boolean isPickList() {
        return pickList;
    }

    /** Whether the column filters by date text (SPEC S4). */
    public boolean isDateText() {
        return this == DATE_CREATED || this == DATE_SCHEDULED;
    }
}
