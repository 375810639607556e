package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.Message;
import java.util.Optional;

/**
 * The Message Detail area of a selected message (SPEC S8).
 *
 * @param scheduleName     the schedule name, shown before the message type; blank unless a Messenger
 *                         Scheduler sent the message
 * @param messageType      the message type
 * @param districtOrSchool the district or school
 * @param callerId         the caller ID, blank when none
 * @param senderEmail      the sender's email (the "from" of emails), blank when none
 * @param replyToEmail     the reply-to email, blank when none
 * @param subject          the subject
 * @param body             the email body, blank when none
 * @param text             the text-message text, blank when none
 * @param attachmentLink   the email attachment, or null when none or no longer available
 * @param audioLink        the audio file, or null when none or no longer available
 */
public record MessageDetail(String scheduleName, String messageType, String districtOrSchool, String callerId,
                            String senderEmail, String replyToEmail, String subject, String body, String text,
                            FileRef attachmentLink, FileRef audioLink) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a text component is null
     */
    public MessageDetail {
        Checks.requireNonNull(scheduleName, "detail.scheduleName");
        Checks.requireNonNull(messageType, "detail.messageType");
        Checks.requireNonNull(districtOrSchool, "detail.districtOrSchool");
        Checks.requireNonNull(callerId, "detail.callerId");
        Checks.requireNonNull(senderEmail, "detail.senderEmail");
        Checks.requireNonNull(replyToEmail, "detail.replyToEmail");
        Checks.requireNonNull(subject, "detail.subject");
        Checks.requireNonNull(body, "detail.body");
        Checks.requireNonNull(text, "detail.text");
    }

    /**
     * The detail of a message: links only for files the host says still exist.
     *
     * @param m     the message
     * @param files the host's file check
     * @return the detail
     */
    static MessageDetail of(Message m, FileAvailability files) {
        return new MessageDetail(m.isSchedulerSent() ? m.scheduleName() : "", m.messageType(), m.districtOrSchool(),
                m.callerId(), m.sender().email(), m.replyToEmail(), m.subject(), m.body(), m.text(),
                available(m.emailAttachment(), files), available(m.audioFile(), files));
    }

    private static FileRef available(FileRef f, FileAvailability files) {
        return FileAvailability.shows(files, f) ? f : null;
    }

    /** The attachment link, while the file exists. */
    public Optional<FileRef> attachment() {
        return Optional.ofNullable(attachmentLink);
    }

    /** The audio link, while the file exists. */
    public Optional<FileRef> audio() {
        return Optional.ofNullable(audioLink);
    }
}
