package dev.sentlog.core.search;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.MessageHeader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One row of the search grid.
 *
 * @param id               the message id
 * @param status           the status
 * @param messageType      the message type
 * @param districtOrSchool the district or school
 * @param subject          the subject
 * @param senderId         the sender's user id
 * @param senderName       the sender's display name
 * @param createdAt        when created
 * @param scheduledAt      when scheduled, or null; see {@link #scheduledTime()}
 * @param scheduleId       the Schedule ID as shown (blank without Voice or Text, SPEC M6)
 */
public record MessageRow(String id, MessageStatus status, String messageType, String districtOrSchool,
                         String subject, String senderId, String senderName, Instant createdAt,
                         Instant scheduledAt, String scheduleId) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a required component is null
     */
    public MessageRow {
        Checks.requireNonBlank(id, "row.id");
        Checks.requireNonNull(status, "row.status");
        Checks.requireNonNull(messageType, "row.messageType");
        Checks.requireNonNull(districtOrSchool, "row.districtOrSchool");
        Checks.requireNonNull(subject, "row.subject");
        Checks.requireNonNull(senderId, "row.senderId");
        Checks.requireNonNull(senderName, "row.senderName");
        Checks.requireNonNull(createdAt, "row.createdAt");
        Checks.requireNonNull(scheduleId, "row.scheduleId");
    }

    /**
     * The row of a stored header.
     *
     * @param h the header
     * @return the row
     */
    public static MessageRow of(MessageHeader h) {
        return new MessageRow(h.id(), h.state().status(), h.messageType(), h.districtOrSchool(), h.subject(),
                h.sender().id(), h.sender().name(), h.createdAt(), h.scheduledAt(), h.displayedScheduleId());
    }

    /** When scheduled, if known. */
    public Optional<Instant> scheduledTime() {
        return Optional.ofNullable(scheduledAt);
    }

    /**
     * The text a column shows for this row: labels for status, names for the sender, the S4 display
     * form for dates (blank when not scheduled).
     *
     * @param column the column
     * @param zone   the district's zone, for dates
     * @return the cell text
     */
    public String cell(Column column, ZoneId zone) {
        switch (column) {
            case STATUS:
                return status.label();
            case MESSAGE_TYPE:
                return messageType;
            case DISTRICT_OR_SCHOOL:
                return districtOrSchool;
            case SUBJECT:
                return subject;
            case SENDER:
                return senderName;
            case DATE_CREATED:
                return DateText.format(createdAt, zone);
            case DATE_SCHEDULED:
                return scheduledAt == null ? "" : DateText.format(scheduledAt, zone);
            case SCHEDULE_ID:
            default:
                return scheduleId;
        }
    }
}
