package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.totals.DeliverySummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What selecting a message shows (SPEC S6): its row, Delivery Summary, the report options that
 * apply, its Filter Criteria Detail (absent for Recipient Selector and non-Messenger tools, S7) and
 * its Message Detail (S8).
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class MessageView {

    private final MessageRow row;
    private final DeliverySummary summary;
    private final ApplicableReportOptions reportOptions;
    private final List<FilterCriterion> filterCriteria;
    private final MessageDetail detail;

    /**
     * Creates the value.
     *
     * @param row the message's grid row, as of the selection
     * @param summary the Delivery Summary (D4-D6, with the cancel request, C4)
     * @param reportOptions the report options that apply (P1, P2)
     * @param filterCriteria the filter criteria lines, or null when the message type has none
     * @param detail the Message Detail
     * @throws NullPointerException when a required component is null
     */
    public MessageView(MessageRow row, DeliverySummary summary, ApplicableReportOptions reportOptions,
            List<FilterCriterion> filterCriteria, MessageDetail detail) {
        Checks.requireNonNull(row, "view.row");
        Checks.requireNonNull(summary, "view.summary");
        Checks.requireNonNull(reportOptions, "view.reportOptions");
        filterCriteria = filterCriteria == null ? null : List.copyOf(filterCriteria);
        Checks.requireNonNull(detail, "view.detail");
        this.row = row;
        this.summary = summary;
        this.reportOptions = reportOptions;
        this.filterCriteria = filterCriteria;
        this.detail = detail;
    }

    /**
     * This view with another Message Detail (e.g. with its resend links, SPEC Y2).
     *
     * @param newDetail the detail
     * @return the view
     */
    public MessageView withDetail(MessageDetail newDetail) {
        return new MessageView(row, summary, reportOptions, filterCriteria, newDetail);
    }

    /**
     * The view of a message snapshot.
     *
     * @param m       the message
     * @param summary its summary
     * @param files   the host's file check
     * @return the view
     */
    static MessageView of(Message m, DeliverySummary summary, FileAvailability files) {
        MessageRow row = new MessageRow(m.id(), m.status(), m.messageType(), m.districtOrSchool(), m.subject(),
                m.sender().id(), m.sender().name(), m.createdAt(), m.scheduledAt().orElse(null),
                m.displayedScheduleId());
        List<FilterCriterion> criteria = m.messageTypeKind().hasFilterCriteria() ? m.filterCriteria() : null;
        return new MessageView(row, summary, ApplicableReportOptions.of(m), criteria, MessageDetail.of(m, files));
    }

    /**
     * Returns the message's grid row, as of the selection.
     *
     * @return the value
     */
    public MessageRow row() {
        return row;
    }

    /**
     * Returns the Delivery Summary (D4-D6, with the cancel request, C4).
     *
     * @return the value
     */
    public DeliverySummary summary() {
        return summary;
    }

    /**
     * Returns the report options that apply (P1, P2).
     *
     * @return the value
     */
    public ApplicableReportOptions reportOptions() {
        return reportOptions;
    }

    /**
     * The Filter Criteria Detail, absent for message types without one (SPEC S7).
     *
     * @return the value, or empty
     */
    public Optional<List<FilterCriterion>> filterCriteria() {
        return Optional.ofNullable(filterCriteria);
    }

    /**
     * Returns the Message Detail.
     *
     * @return the value
     */
    public MessageDetail detail() {
        return detail;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MessageView o
                && Objects.equals(row, o.row)
                && Objects.equals(summary, o.summary)
                && Objects.equals(reportOptions, o.reportOptions)
                && Objects.equals(filterCriteria, o.filterCriteria)
                && Objects.equals(detail, o.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(row, summary, reportOptions, filterCriteria, detail);
    }

    @Override
    public String toString() {
        return "MessageView[row=" + row
                + ", summary=" + summary
                + ", reportOptions=" + reportOptions
                + ", filterCriteria=" + filterCriteria
                + ", detail=" + detail
                + "]";
    }
}
