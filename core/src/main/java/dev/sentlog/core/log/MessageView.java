package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.FilterCriterion;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ApplicableReportOptions;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.totals.DeliverySummary;
import java.util.List;
import java.util.Optional;

/**
 * What selecting a message shows (SPEC S6): its row, Delivery Summary, the report options that
 * apply, its Filter Criteria Detail (absent for Recipient Selector and non-Messenger tools, S7) and
 * its Message Detail (S8).
 *
 * @param row                  the message's grid row, as of the selection
 * @param summary              the Delivery Summary (D4-D6, with the cancel request, C4)
 * @param reportOptions        the report options that apply (P1, P2)
 * @param filterCriteriaDetail the filter criteria lines, or null when the message type has none
 * @param detail               the Message Detail
 */
public record MessageView(MessageRow row, DeliverySummary summary, ApplicableReportOptions reportOptions,
                          List<FilterCriterion> filterCriteriaDetail, MessageDetail detail) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a required component is null
     */
    public MessageView {
        Checks.requireNonNull(row, "view.row");
        Checks.requireNonNull(summary, "view.summary");
        Checks.requireNonNull(reportOptions, "view.reportOptions");
        filterCriteriaDetail = filterCriteriaDetail == null ? null : List.copyOf(filterCriteriaDetail);
        Checks.requireNonNull(detail, "view.detail");
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
                m.sender().id(), m.sender().name(), m.createdAt(), m.scheduledAt(), m.displayedScheduleId());
        List<FilterCriterion> criteria = m.messageTypeKind().hasFilterCriteria() ? m.filterCriteria() : null;
        return new MessageView(row, summary, ApplicableReportOptions.of(m), criteria, MessageDetail.of(m, files));
    }

    /** The Filter Criteria Detail, absent for message types without one (SPEC S7). */
    public Optional<List<FilterCriterion>> filterCriteria() {
        return Optional.ofNullable(filterCriteriaDetail);
    }
}
