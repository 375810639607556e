package dev.sentlog.core.search;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.MessageHeader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the search grid.
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class MessageRow {

    private final String id;
    private final MessageStatus status;
    private final String messageType;
    private final String districtOrSchool;
    private final String subject;
    private final String senderId;
    private final String senderName;
    private final Instant createdAt;
    private final Instant scheduledAt;
    private final String scheduleId;

    /**
     * Creates the value.
     *
     * @param id the message id
     * @param status the status
     * @param messageType the message type
     * @param districtOrSchool the district or school
     * @param subject the subject
     * @param senderId the sender's user id
     * @param senderName the sender's display name
     * @param createdAt when created
     * @param scheduledAt when scheduled, or null
     * @param scheduleId the Schedule ID as shown (blank without Voice or Text, SPEC M6)
     * @throws NullPointerException when a required component is null
     */
    public MessageRow(String id, MessageStatus status, String messageType, String districtOrSchool, String subject,
            String senderId, String senderName, Instant createdAt, Instant scheduledAt, String scheduleId) {
        Checks.requireNonBlank(id, "row.id");
        Checks.requireNonNull(status, "row.status");
        Checks.requireNonNull(messageType, "row.messageType");
        Checks.requireNonNull(districtOrSchool, "row.districtOrSchool");
        Checks.requireNonNull(subject, "row.subject");
        Checks.requireNonNull(senderId, "row.senderId");
        Checks.requireNonNull(senderName, "row.senderName");
        Checks.requireNonNull(createdAt, "row.createdAt");
        Checks.requireNonNull(scheduleId, "row.scheduleId");
        this.id = id;
        this.status = status;
        this.messageType = messageType;
        this.districtOrSchool = districtOrSchool;
        this.subject = subject;
        this.senderId = senderId;
        this.senderName = senderName;
        this.createdAt = createdAt;
        this.scheduledAt = scheduledAt;
        this.scheduleId = scheduleId;
    }

    /**
     * The row of a stored header.
     *
     * @param h the header
     * @return the row
     */
    public static MessageRow of(MessageHeader h) {
        return new MessageRow(h.id(), h.state().status(), h.messageType(), h.districtOrSchool(), h.subject(),
                h.sender().id(), h.sender().name(), h.createdAt(), h.scheduledAt().orElse(null),
                h.displayedScheduleId());
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

    /**
     * Returns the message id.
     *
     * @return the value
     */
    public String id() {
        return id;
    }

    /**
     * Returns the status.
     *
     * @return the value
     */
    public MessageStatus status() {
        return status;
    }

    /**
     * Returns the message type.
     *
     * @return the value
     */
    public String messageType() {
        return messageType;
    }

    /**
     * Returns the district or school.
     *
     * @return the value
     */
    public String districtOrSchool() {
        return districtOrSchool;
    }

    /**
     * Returns the subject.
     *
     * @return the value
     */
    public String subject() {
        return subject;
    }

    /**
     * Returns the sender's user id.
     *
     * @return the value
     */
    public String senderId() {
        return senderId;
    }

    /**
     * Returns the sender's display name.
     *
     * @return the value
     */
    public String senderName() {
        return senderName;
    }

    /**
     * Returns when created.
     *
     * @return the value
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * When the message is scheduled, if it is.
     *
     * @return the value, or empty
     */
    public Optional<Instant> scheduledAt() {
        return Optional.ofNullable(scheduledAt);
    }

    /**
     * Returns the Schedule ID as shown (blank without Voice or Text, SPEC M6).
     *
     * @return the value
     */
    public String scheduleId() {
        return scheduleId;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MessageRow o
                && Objects.equals(id, o.id)
                && Objects.equals(status, o.status)
                && Objects.equals(messageType, o.messageType)
                && Objects.equals(districtOrSchool, o.districtOrSchool)
                && Objects.equals(subject, o.subject)
                && Objects.equals(senderId, o.senderId)
                && Objects.equals(senderName, o.senderName)
                && Objects.equals(createdAt, o.createdAt)
                && Objects.equals(scheduledAt, o.scheduledAt)
                && Objects.equals(scheduleId, o.scheduleId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, messageType, districtOrSchool, subject, senderId, senderName, createdAt,
                scheduledAt, scheduleId);
    }

    @Override
    public String toString() {
        return "MessageRow[id=" + id
                + ", status=" + status
                + ", messageType=" + messageType
                + ", districtOrSchool=" + districtOrSchool
                + ", subject=" + subject
                + ", senderId=" + senderId
                + ", senderName=" + senderName
                + ", createdAt=" + createdAt
                + ", scheduledAt=" + scheduledAt
                + ", scheduleId=" + scheduleId
                + "]";
    }
}
