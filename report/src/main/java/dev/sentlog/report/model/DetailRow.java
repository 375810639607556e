package dev.sentlog.report.model;

import dev.sentlog.core.engagement.DeviceEngagement;
import java.util.List;
import java.util.Objects;

/**
 * One row of the Delivery Detail (SPEC P5) with its marks (P6). Renderers print
 * {@link #cells(String)}; only the duplicate mark differs between formats ({@code †} in PDF and
 * DOCX, {@code &} in CSV).
 *
 * @param recipient           the recipient's display name
 * @param student             the student's display name, blank when the entry has none
 * @param device              the delivery device as printed, e.g. {@code "Email: a@b.org"}, or
 *                            {@code "No Device"}
 * @param status              the device status label, or the call status code and label; blank for
 *                            opt-outs and No Device rows
 * @param time                when the device was reached, formatted in the district's zone; blank
 *                            when unknown
 * @param notContactedByPhone the recipient was not contacted by phone and the message used Voice or
 *                            Text: printed as {@code *} before the recipient
 * @param duplicate           the device is a duplicate address (SPEC D2)
 * @param engagement          the device's feedback (SPEC H5), e.g. {@code "Opened 12/01/2026 8:31 AM"},
 *                            shown beside the status; blank when it has none
 */
public record DetailRow(String recipient, String student, String device, String status, String time,
                        boolean notContactedByPhone, boolean duplicate, String engagement) {

    /**
     * A row without engagement.
     *
     * @param recipient           the recipient's display name
     * @param student             the student's display name, blank when none
     * @param device              the delivery device as printed
     * @param status              the status as printed
     * @param time                the time as printed, blank when unknown
     * @param notContactedByPhone whether to print {@code *} before the recipient
     * @param duplicate           whether the device is a duplicate address
     */
    public DetailRow(String recipient, String student, String device, String status, String time,
                     boolean notContactedByPhone, boolean duplicate) {
        this(recipient, student, device, status, time, notContactedByPhone, duplicate, "");
    }

    /**
     * Validates the texts.
     *
     * @throws NullPointerException when a text is null
     */
    public DetailRow {
        Objects.requireNonNull(engagement, "engagement");
    }

    /** The mark before a recipient not contacted by phone (SPEC P6). */
    public static final String NOT_CONTACTED_MARK = "*";
    /** The duplicate mark of PDF and DOCX (SPEC D2, P6). */
    public static final String DUPLICATE_MARK = "\u2020";
    /** The duplicate mark of CSV (SPEC D2, P6). */
    public static final String CSV_DUPLICATE_MARK = "&";
    /** The device text of a recipient without a device (SPEC P5). */
    public static final String NO_DEVICE = "No Device";

    /** The Recipient cell: the name, after {@code *} when the recipient was not contacted by phone. */
    public String recipientCell() {
        return notContactedByPhone ? NOT_CONTACTED_MARK + recipient : recipient;
    }

    /**
     * The Delivery Device cell: the device, after the duplicate mark when it is a duplicate.
     *
     * @param duplicateMark the format's duplicate mark
     * @return the cell text
     */
    public String deviceCell(String duplicateMark) {
        return duplicate ? duplicateMark + device : device;
    }

    /**
     * The Status cell: the status, with the device's engagement beside it (SPEC H5) after
     * {@code " \u00b7 "}; the engagement alone for an opt-out, whose status is blank.
     *
     * @return the cell text
     */
    public String statusCell() {
        if (engagement.isBlank()) {
            return status;
        }
        return status.isBlank() ? engagement : status + DeviceEngagement.SEPARATOR + engagement;
    }

    /**
     * The five cells in column order (Recipient, Student, Delivery Device, Status, Time).
     *
     * @param duplicateMark the format's duplicate mark
     * @return the cells
     */
    public List<String> cells(String duplicateMark) {
        return List.of(recipientCell(), student, deviceCell(duplicateMark), statusCell(), time);
    }
}
