package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Sender;
import dev.sentlog.spi.Channel;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The searchable columns of a stored message and its current {@link MessageState}: what a search
 * returns per message, without the recipient list.
 *
 * @param id               the message id
 * @param messageType      the sending tool
 * @param messageTypeKind  the tool's kind
 * @param districtOrSchool the district or school (SPEC T3 scopes by it)
 * @param subject          the subject
 * @param sender           the sender (SPEC T1 compares its id)
 * @param callerId         the caller ID of phone calls, blank when none
 * @param replyToEmail     the reply-to email, blank when none
 * @param createdAt        when created
 * @param scheduledAt      when scheduled, or null
 * @param scheduleId       the dialer schedule id, blank when none
 * @param scheduleName     the scheduler's schedule name, blank unless scheduler-sent (SPEC V2, S8)
 * @param deliveryModes    the delivery modes
 * @param deviceCount      the number of devices over all recipient entries
 * @param state            the changing state
 */
public record MessageHeader(String id, String messageType, MessageTypeKind messageTypeKind, String districtOrSchool,
                            String subject, Sender sender, String callerId, String replyToEmail, Instant createdAt, Instant scheduledAt, String scheduleId,
                            String scheduleName, Set<Channel> deliveryModes, int deviceCount, MessageState state) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a required component is null
     */
    public MessageHeader {
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
                m.sender(), m.callerId(), m.replyToEmail(), m.createdAt(), m.scheduledAt(), m.scheduleId(), m.scheduleName(), m.deliveryModes(),
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

    /** When scheduled, if known. */
    public Optional<Instant> scheduledTime() {
        return Optional.ofNullable(scheduledAt);
    }

    /** Whether a Messenger Scheduler created the message (its schedule name is not blank; SPEC V2). */
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

    /** The Schedule ID as shown: blank unless the message uses Voice or Text (SPEC M6). */
    public String displayedScheduleId() {
        boolean phone = deliveryModes.contains(Channel.VOICE) || deliveryModes.contains(Channel.TEXT);
        return phone ? scheduleId : "";
    }
}
