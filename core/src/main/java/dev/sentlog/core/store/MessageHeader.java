package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Sender;
import dev.sentlog.spi.Channel;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The searchable columns of a stored message and its current {@link MessageState}: what a search
 * returns per message, without the recipient list.
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class MessageHeader {

    private final String id;
    private final String messageType;
    private final MessageTypeKind messageTypeKind;
    private final String districtOrSchool;
    private final String subject;
    private final Sender sender;
    private final String callerId;
    private final String replyToEmail;
    private final Instant createdAt;
    private final Instant scheduledAt;
    private final String scheduleId;
    private final String scheduleName;
    private final Set<Channel> deliveryModes;
    private final int deviceCount;
    private final MessageState state;

    /**
     * Creates the value.
     *
     * @param id the message id
     * @param messageType the sending tool
     * @param messageTypeKind the tool's kind
     * @param districtOrSchool the district or school (SPEC T3 scopes by it)
     * @param subject the subject
     * @param sender the sender (SPEC T1 compares its id)
     * @param callerId the caller ID of phone calls, blank when none
     * @param replyToEmail the reply-to email, blank when none
     * @param createdAt when created
     * @param scheduledAt when scheduled, or null
     * @param scheduleId the dialer schedule id, blank when none
     * @param scheduleName the scheduler's schedule name, blank unless scheduler-sent (SPEC V2, S8)
     * @param deliveryModes the delivery modes
     * @param deviceCount the number of devices over all recipient entries
     * @param state the changing state
     * @throws NullPointerException when a required component is null
     */
    public MessageHeader(String id, String messageType, MessageTypeKind messageTypeKind, String districtOrSchool,
            String subject, Sender sender, String callerId, String replyToEmail, Instant createdAt,
            Instant scheduledAt, String scheduleId, String scheduleName, Set<Channel> deliveryModes, int deviceCount,
            MessageState state) {
        Checks.requireNonBlank(id, "header.id");
        Checks.requireNonNull(messageType, "header.messageType");
        Checks.requireNonNull(messageTypeKind, "header.messageTypeKind");
        Checks.requireNonNull(districtOrSchool, "header.districtOrSchool");
        Checks.requireNonNull(subject, "header.subject");
        Checks.requireNonNull(sender, "header.sender");
        Checks.requireNonNull(callerId, "header.callerId");
        Checks.requireNonNull(replyToEmail, "header.replyToEmail");
        Checks.requireNonNull(createdAt, "header.createdAt");
        Checks.requireNonNull(scheduleId, "header.scheduleId");
        Checks.requireNonNull(scheduleName, "header.scheduleName");
        deliveryModes = Collections.unmodifiableSet(EnumSet.copyOf(deliveryModes));
        Checks.requireNonNull(state, "header.state");
        this.id = id;
        this.messageType = messageType;
        this.messageTypeKind = messageTypeKind;
        this.districtOrSchool = districtOrSchool;
        this.subject = subject;
        this.sender = sender;
        this.callerId = callerId;
        this.replyToEmail = replyToEmail;
        this.createdAt = createdAt;
        this.scheduledAt = scheduledAt;
        this.scheduleId = scheduleId;
        this.scheduleName = scheduleName;
        this.deliveryModes = deliveryModes;
        this.deviceCount = deviceCount;
        this.state = state;
    }

    /**
     * The header of a message as recorded, with a state.
     *
     * @param m     the message
     * @param state its state
     * @return the header
     */
    public static MessageHeader of(Message m, MessageState state) {
        return new MessageHeader(m.id(), m.messageType(), m.messageTypeKind(), m.districtOrSchool(), m.subject(),
                m.sender(), m.callerId(), m.replyToEmail(), m.createdAt(), m.scheduledAt().orElse(null),
                        m.scheduleId(), m.scheduleName(), m.deliveryModes(),
                m.deviceCount(), state);
    }

    /**
     * Returns a copy holding it.
     *
     * @param next the new state
     * @return a copy holding it
     */
    public MessageHeader withState(MessageState next) {
        return new MessageHeader(id, messageType, messageTypeKind, districtOrSchool, subject, sender, callerId,
                replyToEmail, createdAt,
                scheduledAt, scheduleId, scheduleName, deliveryModes, deviceCount, next);
    }

    /**
     * Whether a Messenger Scheduler created the message (its schedule name is not blank; SPEC V2).
     *
     * @return true for a scheduler-created message
     */
    public boolean isSchedulerSent() {
        return !scheduleName.isBlank();
    }

    /**
     * Whether the message is visible at an instant: a scheduler-created message is hidden until its
     * scheduled time (SPEC V2); every other message is visible from its recording (V1).
     *
     * @param now the instant
     * @return true when visible
     */
    public boolean isVisibleAt(Instant now) {
        return !isSchedulerSent() || scheduledAt == null || !scheduledAt.isAfter(now);
    }

    /**
     * The Schedule ID as shown: blank unless the message uses Voice or Text (SPEC M6).
     *
     * @return the schedule id, or blank
     */
    public String displayedScheduleId() {
        boolean phone = deliveryModes.contains(Channel.VOICE) || deliveryModes.contains(Channel.TEXT);
        return phone ? scheduleId : "";
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
     * Returns the sending tool.
     *
     * @return the value
     */
    public String messageType() {
        return messageType;
    }

    /**
     * Returns the tool's kind.
     *
     * @return the value
     */
    public MessageTypeKind messageTypeKind() {
        return messageTypeKind;
    }

    /**
     * Returns the district or school (SPEC T3 scopes by it).
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
     * Returns the sender (SPEC T1 compares its id).
     *
     * @return the value
     */
    public Sender sender() {
        return sender;
    }

    /**
     * Returns the caller ID of phone calls, blank when none.
     *
     * @return the value
     */
    public String callerId() {
        return callerId;
    }

    /**
     * Returns the reply-to email, blank when none.
     *
     * @return the value
     */
    public String replyToEmail() {
        return replyToEmail;
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
     * Returns the dialer schedule id, blank when none.
     *
     * @return the value
     */
    public String scheduleId() {
        return scheduleId;
    }

    /**
     * Returns the scheduler's schedule name, blank unless scheduler-sent (SPEC V2, S8).
     *
     * @return the value
     */
    public String scheduleName() {
        return scheduleName;
    }

    /**
     * Returns the delivery modes.
     *
     * @return the value
     */
    public Set<Channel> deliveryModes() {
        return deliveryModes;
    }

    /**
     * Returns the number of devices over all recipient entries.
     *
     * @return the value
     */
    public int deviceCount() {
        return deviceCount;
    }

    /**
     * Returns the changing state.
     *
     * @return the value
     */
    public MessageState state() {
        return state;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MessageHeader o
                && Objects.equals(id, o.id)
                && Objects.equals(messageType, o.messageType)
                && Objects.equals(messageTypeKind, o.messageTypeKind)
                && Objects.equals(districtOrSchool, o.districtOrSchool)
                && Objects.equals(subject, o.subject)
                && Objects.equals(sender, o.sender)
                && Objects.equals(callerId, o.callerId)
                && Objects.equals(replyToEmail, o.replyToEmail)
                && Objects.equals(createdAt, o.createdAt)
                && Objects.equals(scheduledAt, o.scheduledAt)
                && Objects.equals(scheduleId, o.scheduleId)
                && Objects.equals(scheduleName, o.scheduleName)
                && Objects.equals(deliveryModes, o.deliveryModes)
                && deviceCount == o.deviceCount
                && Objects.equals(state, o.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, messageType, messageTypeKind, districtOrSchool, subject, sender, callerId,
                replyToEmail, createdAt, scheduledAt, scheduleId, scheduleName, deliveryModes, deviceCount, state);
    }

    @Override
    public String toString() {
        return "MessageHeader[id=" + id
                + ", messageType=" + messageType
                + ", messageTypeKind=" + messageTypeKind
                + ", districtOrSchool=" + districtOrSchool
                + ", subject=" + subject
                + ", sender=" + sender
                + ", callerId=" + callerId
                + ", replyToEmail=" + replyToEmail
                + ", createdAt=" + createdAt
                + ", scheduledAt=" + scheduledAt
                + ", scheduleId=" + scheduleId
                + ", scheduleName=" + scheduleName
                + ", deliveryModes=" + deliveryModes
                + ", deviceCount=" + deviceCount
                + ", state=" + state
                + "]";
    }
}
