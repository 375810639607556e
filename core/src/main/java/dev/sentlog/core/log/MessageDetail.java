package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.FileAvailability;
import dev.sentlog.core.message.FileRef;
import dev.sentlog.core.message.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Message Detail area of a selected message (SPEC S8).
 *
 * <p>A class rather than a record so that each optional field has one accessor, returning
 * {@code Optional}.
 */
public final class MessageDetail {

    private final String scheduleName;
    private final String messageType;
    private final String districtOrSchool;
    private final String callerId;
    private final String senderEmail;
    private final String replyToEmail;
    private final String subject;
    private final String body;
    private final String text;
    private final FileRef emailAttachment;
    private final FileRef audioFile;
    private final String resendOf;
    private final List<String> resends;

    /**
     * Creates the value.
     *
     * @param scheduleName the schedule name, shown before the message type; blank unless a Messenger
     *                     Scheduler sent the message
     * @param messageType the message type
     * @param districtOrSchool the district or school
     * @param callerId the caller ID, blank when none
     * @param senderEmail the sender's email (the "from" of emails), blank when none
     * @param replyToEmail the reply-to email, blank when none
     * @param subject the subject
     * @param body the email body, blank when none
     * @param text the text-message text, blank when none
     * @param emailAttachment the email attachment, or null when none or no longer available
     * @param audioFile the audio file, or null when none or no longer available
     * @throws NullPointerException when a text component is null
     */
    public MessageDetail(String scheduleName, String messageType, String districtOrSchool, String callerId,
            String senderEmail, String replyToEmail, String subject, String body, String text,
            FileRef emailAttachment, FileRef audioFile) {
        Checks.requireNonNull(scheduleName, "detail.scheduleName");
        Checks.requireNonNull(messageType, "detail.messageType");
        Checks.requireNonNull(districtOrSchool, "detail.districtOrSchool");
        Checks.requireNonNull(callerId, "detail.callerId");
        Checks.requireNonNull(senderEmail, "detail.senderEmail");
        Checks.requireNonNull(replyToEmail, "detail.replyToEmail");
        Checks.requireNonNull(subject, "detail.subject");
        Checks.requireNonNull(body, "detail.body");
        Checks.requireNonNull(text, "detail.text");
        this.scheduleName = scheduleName;
        this.messageType = messageType;
        this.districtOrSchool = districtOrSchool;
        this.callerId = callerId;
        this.senderEmail = senderEmail;
        this.replyToEmail = replyToEmail;
        this.subject = subject;
        this.body = body;
        this.text = text;
        this.emailAttachment = emailAttachment;
        this.audioFile = audioFile;
        this.resendOf = null;
        this.resends = List.of();
    }

    private MessageDetail(MessageDetail d, String resendOf, List<String> resends) {
        this.scheduleName = d.scheduleName;
        this.messageType = d.messageType;
        this.districtOrSchool = d.districtOrSchool;
        this.callerId = d.callerId;
        this.senderEmail = d.senderEmail;
        this.replyToEmail = d.replyToEmail;
        this.subject = d.subject;
        this.body = d.body;
        this.text = d.text;
        this.emailAttachment = d.emailAttachment;
        this.audioFile = d.audioFile;
        this.resendOf = resendOf;
        this.resends = Checks.copyWithoutNulls(resends, "detail.resends");
    }

    /**
     * This detail with its resend links (SPEC Y2).
     *
     * @param resendOf the original this message resends, or null when it is no resend
     * @param resends  the resends of this message, oldest first
     * @return the detail with the links
     */
    public MessageDetail withResendLinks(String resendOf, List<String> resends) {
        return new MessageDetail(this, resendOf, resends);
    }

    /**
     * The message this one resends (SPEC Y2: each resend names its original).
     *
     * @return the original's id, or empty when this message is no resend
     */
    public Optional<String> resendOf() {
        return Optional.ofNullable(resendOf);
    }

    /**
     * The resends of this message, oldest first (SPEC Y2: the original lists its resends).
     *
     * @return their ids; empty when none
     */
    public List<String> resends() {
        return resends;
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
                available(m.emailAttachment().orElse(null), files), available(m.audioFile().orElse(null), files));
    }

    private static FileRef available(FileRef f, FileAvailability files) {
        return FileAvailability.shows(files, f) ? f : null;
    }

    /**
     * Returns the schedule name, shown before the message type; blank unless a Messenger Scheduler sent the message.
     *
     * @return the value
     */
    public String scheduleName() {
        return scheduleName;
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
     * Returns the caller ID, blank when none.
     *
     * @return the value
     */
    public String callerId() {
        return callerId;
    }

    /**
     * Returns the sender's email (the "from" of emails), blank when none.
     *
     * @return the value
     */
    public String senderEmail() {
        return senderEmail;
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
     * Returns the subject.
     *
     * @return the value
     */
    public String subject() {
        return subject;
    }

    /**
     * Returns the email body, blank when none.
     *
     * @return the value
     */
    public String body() {
        return body;
    }

    /**
     * Returns the text-message text, blank when none.
     *
     * @return the value
     */
    public String text() {
        return text;
    }

    /**
     * The email attachment, while the host still has the file.
     *
     * @return the value, or empty
     */
    public Optional<FileRef> emailAttachment() {
        return Optional.ofNullable(emailAttachment);
    }

    /**
     * The audio file, while the host still has the file.
     *
     * @return the value, or empty
     */
    public Optional<FileRef> audioFile() {
        return Optional.ofNullable(audioFile);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MessageDetail o
                && Objects.equals(scheduleName, o.scheduleName)
                && Objects.equals(messageType, o.messageType)
                && Objects.equals(districtOrSchool, o.districtOrSchool)
                && Objects.equals(callerId, o.callerId)
                && Objects.equals(senderEmail, o.senderEmail)
                && Objects.equals(replyToEmail, o.replyToEmail)
                && Objects.equals(subject, o.subject)
                && Objects.equals(body, o.body)
                && Objects.equals(text, o.text)
                && Objects.equals(emailAttachment, o.emailAttachment)
                && Objects.equals(audioFile, o.audioFile)
                && Objects.equals(resendOf, o.resendOf)
                && resends.equals(o.resends);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheduleName, messageType, districtOrSchool, callerId, senderEmail, replyToEmail, subject,
                body, text, emailAttachment, audioFile, resendOf, resends);
    }

    @Override
    public String toString() {
        return "MessageDetail[scheduleName=" + scheduleName
                + ", messageType=" + messageType
                + ", districtOrSchool=" + districtOrSchool
                + ", callerId=" + callerId
                + ", senderEmail=" + senderEmail
                + ", replyToEmail=" + replyToEmail
                + ", subject=" + subject
                + ", body=" + body
                + ", text=" + text
                + ", emailAttachment=" + emailAttachment
                + ", audioFile=" + audioFile
                + ", resendOf=" + resendOf
                + ", resends=" + resends
                + "]";
    }
}
