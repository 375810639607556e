package dev.sentlog.core.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One send (a "campaign"): what was sent, by whom, to whom, and how each device fared.
 *
 * <p>Immutable; equal when every field is. Optional text fields are blank (never null) when absent;
 * optional times and references have one accessor each, returning {@code Optional}
 * ({@link #scheduledAt()}, {@link #startedAt()}, {@link #endedAt()}, {@link #cancellation()},
 * {@link #emailAttachment()}, {@link #audioFile()}). Build one with {@link #builder()}: there is no
 * public constructor, so every message passes the builder's checks.
 *
 * <p>The Jackson annotations define the interchange format {@value #JSON_FORMAT} (SPEC J0, J1): field
 * names are the component names, a {@code format} field comes first, blank optional texts and absent
 * optional values are left out. Core depends on jackson-annotations only; a host reads and writes the
 * format with jackson-databind (the examples module has a ready codec, which also writes times in the
 * district's zone).
 */
@JsonPropertyOrder({"format", "id", "messageType", "messageTypeKind", "districtOrSchool", "subject", "sender",
    "replyToEmail", "callerId", "createdAt", "scheduledAt", "scheduleId", "scheduleName", "status", "deliveryModes",
    "textMessagingEnabled", "body", "text", "emailAttachment", "audioFile", "filterCriteria", "startedAt", "endedAt",
    "cancellation", "recipients"})
public final class Message {

    private final String id;
    private final String messageType;
    private final MessageTypeKind messageTypeKind;
    private final String districtOrSchool;
    private final String subject;
    private final Sender sender;
    private final String replyToEmail;
    private final String callerId;
    private final Instant createdAt;
    private final Instant scheduledAt;
    private final String scheduleId;
    private final String scheduleName;
    private final MessageStatus status;
    private final Set<Channel> deliveryModes;
    private final boolean textMessagingEnabled;
    private final String body;
    private final String text;
    private final FileRef emailAttachment;
    private final FileRef audioFile;
    private final List<FilterCriterion> filterCriteria;
    private final Instant startedAt;
    private final Instant endedAt;
    private final Cancellation cancellation;
    private final List<RecipientEntry> recipients;
    private final Redaction redaction;

    private Message(String id, String messageType, MessageTypeKind messageTypeKind, String districtOrSchool,
            String subject, Sender sender, String replyToEmail, String callerId, Instant createdAt,
            Instant scheduledAt, String scheduleId, String scheduleName, MessageStatus status,
            Set<Channel> deliveryModes, boolean textMessagingEnabled, String body, String text,
            FileRef emailAttachment, FileRef audioFile, List<FilterCriterion> filterCriteria, Instant startedAt,
            Instant endedAt, Cancellation cancellation, List<RecipientEntry> recipients, Redaction redaction) {
        Checks.requireNonBlank(id, "message.id");
        Checks.requireNonNull(messageType, "message.messageType");
        Checks.requireNonNull(messageTypeKind, "message.messageTypeKind");
        Checks.requireNonNull(districtOrSchool, "message.districtOrSchool");
        Checks.requireNonNull(subject, "message.subject");
        Checks.requireNonNull(sender, "message.sender");
        replyToEmail = blankIfNull(replyToEmail);
        callerId = blankIfNull(callerId);
        Checks.requireNonNull(createdAt, "message.createdAt");
        scheduleId = blankIfNull(scheduleId);
        scheduleName = blankIfNull(scheduleName);
        Checks.requireNonNull(status, "message.status");
        deliveryModes = copyModes(Checks.requireNonNull(deliveryModes, "message.deliveryModes"), id);
        body = blankIfNull(body);
        text = blankIfNull(text);
        filterCriteria = filterCriteria == null ? List.of() : Checks.copyWithoutNulls(filterCriteria,
                "message.filterCriteria");
        recipients = Checks.copyWithoutNulls(recipients, "message.recipients");
            this.id = id;
        this.messageType = messageType;
        this.messageTypeKind = messageTypeKind;
        this.districtOrSchool = districtOrSchool;
        this.subject = subject;
        this.sender = sender;
        this.replyToEmail = replyToEmail;
        this.callerId = callerId;
        this.createdAt = createdAt;
        this.scheduledAt = scheduledAt;
        this.scheduleId = scheduleId;
        this.scheduleName = scheduleName;
        this.status = status;
        this.deliveryModes = deliveryModes;
        this.textMessagingEnabled = textMessagingEnabled;
        this.body = body;
        this.text = text;
        this.emailAttachment = emailAttachment;
        this.audioFile = audioFile;
        this.filterCriteria = filterCriteria;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.cancellation = cancellation;
        this.recipients = recipients;
        this.redaction = redaction;
    }

    /** The value of the interchange format's {@code format} field (SPEC section 10). */
    public static final String JSON_FORMAT = "sentlog-message/1";

    /**
     * Reads a message of the interchange format: Jackson's creator (SPEC J0). The {@code format}
     * must be {@value #JSON_FORMAT}; optional fields may be absent or null.
     *
     * @throws IllegalArgumentException naming the field ({@code message.<field> ...}) when the format
     *                                  is wrong or a required field is missing
     */
    @JsonCreator
    static Message fromJson(@JsonProperty("format") String format, @JsonProperty("id") String id,
                            @JsonProperty("messageType") String messageType,
                            @JsonProperty("messageTypeKind") MessageTypeKind messageTypeKind,
                            @JsonProperty("districtOrSchool") String districtOrSchool,
                            @JsonProperty("subject") String subject, @JsonProperty("sender") Sender sender,
                            @JsonProperty("replyToEmail") String replyToEmail,
                            @JsonProperty("callerId") String callerId, @JsonProperty("createdAt") Instant createdAt,
                            @JsonProperty("scheduledAt") Instant scheduledAt,
                            @JsonProperty("scheduleId") String scheduleId,
                            @JsonProperty("scheduleName") String scheduleName,
                            @JsonProperty("status") MessageStatus status,
                            @JsonProperty("deliveryModes") Set<Channel> deliveryModes,
                            @JsonProperty("textMessagingEnabled") Boolean textMessagingEnabled,
                            @JsonProperty("body") String body, @JsonProperty("text") String text,
                            @JsonProperty("emailAttachment") FileRef emailAttachment,
                            @JsonProperty("audioFile") FileRef audioFile,
                            @JsonProperty("filterCriteria") List<FilterCriterion> filterCriteria,
                            @JsonProperty("startedAt") Instant startedAt, @JsonProperty("endedAt") Instant endedAt,
                            @JsonProperty("cancellation") Cancellation cancellation,
                            @JsonProperty("recipients") List<RecipientEntry> recipients) {
        Checks.requireArgument(JSON_FORMAT.equals(format), "message.format must be \"%s\" but was %s", JSON_FORMAT,
                format == null ? "missing" : "\"" + format + "\"");
        Checks.requireArgument(deliveryModes == null || !deliveryModes.isEmpty(),
                "message.deliveryModes must name at least one channel");
        Checks.requireNonNull(textMessagingEnabled, "message.textMessagingEnabled");
        return new Message(id, messageType, messageTypeKind, districtOrSchool, subject, sender, replyToEmail, callerId,
                createdAt, scheduledAt, scheduleId, scheduleName, status, deliveryModes, textMessagingEnabled, body,
                text, emailAttachment, audioFile, filterCriteria, startedAt, endedAt, cancellation, recipients, null);
    }

    /**
     * The interchange format this message is written in: always {@value #JSON_FORMAT}.
     *
     * @return {@value #JSON_FORMAT}
     */
    @JsonProperty("format")
    public String format() {
        return JSON_FORMAT;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    private static Set<Channel> copyModes(Collection<Channel> modes, String id) {
        Checks.requireArgument(!modes.isEmpty(), "message %s has no delivery modes", id);
        return Collections.unmodifiableSet(EnumSet.copyOf(modes));
    }

    /**
     * A builder for a new message.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this message's fields, to derive a changed copy.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy in another status. The transition itself is checked by the log (SPEC M2).
     *
     * @param newStatus the status
     * @return the copy
     */
    public Message withStatus(MessageStatus newStatus) {
        return toBuilder().status(newStatus).build();
    }

    /**
     * The message id, non-blank.
     *
     * @return the value
     */
    @JsonProperty("id")
    public String id() {
        return id;
    }

    /**
     * The tool that sent it, e.g. {@code "Staff Messenger"}.
     *
     * @return the value
     */
    @JsonProperty("messageType")
    public String messageType() {
        return messageType;
    }

    /**
     * The tool's kind (SPEC S7).
     *
     * @return the value
     */
    @JsonProperty("messageTypeKind")
    public MessageTypeKind messageTypeKind() {
        return messageTypeKind;
    }

    /**
     * The district or school the message went to (SPEC T3 scopes by it).
     *
     * @return the value
     */
    @JsonProperty("districtOrSchool")
    public String districtOrSchool() {
        return districtOrSchool;
    }

    /**
     * The subject.
     *
     * @return the value
     */
    @JsonProperty("subject")
    public String subject() {
        return subject;
    }

    /**
     * The user who sent it.
     *
     * @return the value
     */
    @JsonProperty("sender")
    public Sender sender() {
        return sender;
    }

    /**
     * The reply-to email, blank when none.
     *
     * @return the value
     */
    @JsonProperty("replyToEmail")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String replyToEmail() {
        return replyToEmail;
    }

    /**
     * The caller ID of phone calls, blank when none.
     *
     * @return the value
     */
    @JsonProperty("callerId")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String callerId() {
        return callerId;
    }

    /**
     * When the message was created.
     *
     * @return the value
     */
    @JsonProperty("createdAt")
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * When the message is or was scheduled, if known.
     *
     * @return the value, or empty
     */
    public Optional<Instant> scheduledAt() {
        return Optional.ofNullable(scheduledAt);
    }

    /** The {@code scheduledAt} field of the interchange format, or null when absent. */
    @JsonProperty("scheduledAt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Instant jsonScheduledAt() {
        return scheduledAt;
    }

    /**
     * The dialer's schedule id, blank when none (shown only with Voice/Text, SPEC M6).
     *
     * @return the value
     */
    @JsonProperty("scheduleId")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String scheduleId() {
        return scheduleId;
    }

    /**
     * The scheduler's schedule name, blank unless sent by a Messenger Scheduler.
     *
     * @return the value
     */
    @JsonProperty("scheduleName")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String scheduleName() {
        return scheduleName;
    }

    /**
     * The message status.
     *
     * @return the value
     */
    @JsonProperty("status")
    public MessageStatus status() {
        return status;
    }

    /**
     * The channels the message used, non-empty.
     *
     * @return the value
     */
    @JsonProperty("deliveryModes")
    public Set<Channel> deliveryModes() {
        return deliveryModes;
    }

    /**
     * Whether the district uses text messaging (SPEC D5).
     *
     * @return the value
     */
    @JsonProperty("textMessagingEnabled")
    public boolean textMessagingEnabled() {
        return textMessagingEnabled;
    }

    /**
     * The email body, blank when none.
     *
     * @return the value
     */
    @JsonProperty("body")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String body() {
        return body;
    }

    /**
     * The text-message text, blank when none.
     *
     * @return the value
     */
    @JsonProperty("text")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public String text() {
        return text;
    }

    /**
     * The email attachment, if any.
     *
     * @return the value, or empty
     */
    public Optional<FileRef> emailAttachment() {
        return Optional.ofNullable(emailAttachment);
    }

    /** The {@code emailAttachment} field of the interchange format, or null when absent. */
    @JsonProperty("emailAttachment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    FileRef jsonEmailAttachment() {
        return emailAttachment;
    }

    /**
     * The audio file of phone calls, if any.
     *
     * @return the value, or empty
     */
    public Optional<FileRef> audioFile() {
        return Optional.ofNullable(audioFile);
    }

    /** The {@code audioFile} field of the interchange format, or null when absent. */
    @JsonProperty("audioFile")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    FileRef jsonAudioFile() {
        return audioFile;
    }

    /**
     * The filter criteria lines, in order.
     *
     * @return the value
     */
    @JsonProperty("filterCriteria")
    public List<FilterCriterion> filterCriteria() {
        return filterCriteria;
    }

    /**
     * When delivery started, if it has.
     *
     * @return the value, or empty
     */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** The {@code startedAt} field of the interchange format, or null when absent. */
    @JsonProperty("startedAt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Instant jsonStartedAt() {
        return startedAt;
    }

    /**
     * When delivery ended, if it has.
     *
     * @return the value, or empty
     */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /** The {@code endedAt} field of the interchange format, or null when absent. */
    @JsonProperty("endedAt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Instant jsonEndedAt() {
        return endedAt;
    }

    /**
     * The cancel request, if there is one.
     *
     * @return the value, or empty
     */
    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    /** The {@code cancellation} field of the interchange format, or null when absent. */
    @JsonProperty("cancellation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Cancellation jsonCancellation() {
        return cancellation;
    }

    /**
     * The recipient list, in order.
     *
     * @return the value
     */
    @JsonProperty("recipients")
    public List<RecipientEntry> recipients() {
        return recipients;
    }

    /**
     * Whether the message used Voice or Text.
     *
     * @return true when its delivery modes include Voice or Text
     */
    public boolean usesPhone() {
        return deliveryModes.contains(Channel.VOICE) || deliveryModes.contains(Channel.TEXT);
    }

    /**
     * The Schedule ID as shown: blank unless the message includes Voice or Text (SPEC M6).
     *
     * @return the schedule id, or blank
     */
    public String displayedScheduleId() {
        return usesPhone() ? scheduleId : "";
    }

    /**
     * The record of the message's redaction (SPEC X2), when its personal data were erased: the
     * recipient list is then empty, the texts blank and the files and filter criteria gone, and the
     * Delivery Summary comes from the figures kept here. Not part of the interchange format.
     *
     * @return the redaction, or empty for a message that keeps its personal data
     */
    @JsonIgnore
    public Optional<Redaction> redaction() {
        return Optional.ofNullable(redaction);
    }

    /**
     * Whether a Messenger Scheduler sent the message (it has a schedule name; SPEC S8, V2).
     *
     * @return true when the schedule name is not blank
     */
    @JsonIgnore
    public boolean isSchedulerSent() {
        return !scheduleName.isBlank();
    }

    /**
     * The number of devices over all recipient entries.
     *
     * @return the device count
     */
    public int deviceCount() {
        int n = 0;
        for (RecipientEntry e : recipients) {
            n += e.devices().size();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Message m
                && Objects.equals(id, m.id)
                && Objects.equals(messageType, m.messageType)
                && messageTypeKind == m.messageTypeKind
                && Objects.equals(districtOrSchool, m.districtOrSchool)
                && Objects.equals(subject, m.subject)
                && Objects.equals(sender, m.sender)
                && Objects.equals(replyToEmail, m.replyToEmail)
                && Objects.equals(callerId, m.callerId)
                && Objects.equals(createdAt, m.createdAt)
                && Objects.equals(scheduledAt, m.scheduledAt)
                && Objects.equals(scheduleId, m.scheduleId)
                && Objects.equals(scheduleName, m.scheduleName)
                && status == m.status
                && Objects.equals(deliveryModes, m.deliveryModes)
                && textMessagingEnabled == m.textMessagingEnabled
                && Objects.equals(body, m.body)
                && Objects.equals(text, m.text)
                && Objects.equals(emailAttachment, m.emailAttachment)
                && Objects.equals(audioFile, m.audioFile)
                && Objects.equals(filterCriteria, m.filterCriteria)
                && Objects.equals(startedAt, m.startedAt)
                && Objects.equals(endedAt, m.endedAt)
                && Objects.equals(cancellation, m.cancellation)
                && Objects.equals(recipients, m.recipients)
                && Objects.equals(redaction, m.redaction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, messageType, messageTypeKind, districtOrSchool, subject, sender, replyToEmail,
                callerId, createdAt, scheduledAt, scheduleId, scheduleName, status, deliveryModes,
                textMessagingEnabled, body, text, emailAttachment, audioFile, filterCriteria, startedAt, endedAt,
                cancellation, recipients, redaction);
    }

    /** The id, type, status and size; no personal data. */
    @Override
    public String toString() {
        return "Message[" + id + ", " + messageType + ", " + status + ", " + recipients.size() + " entries, "
                + deviceCount() + " devices]";
    }

    /** Builds a {@link Message}; required: id, type and kind, district/school, subject, sender,
     * createdAt, status, delivery modes. Everything else is optional. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String messageType;
        private MessageTypeKind messageTypeKind = MessageTypeKind.MESSENGER;
        private String districtOrSchool;
        private String subject = "";
        private Sender sender;
        private String replyToEmail = "";
        private String callerId = "";
        private Instant createdAt;
        private Instant scheduledAt;
        private String scheduleId = "";
        private String scheduleName = "";
        private MessageStatus status = MessageStatus.WAITING;
        private Set<Channel> deliveryModes = EnumSet.noneOf(Channel.class);
        private boolean textMessagingEnabled;
        private String body = "";
        private String text = "";
        private FileRef emailAttachment;
        private FileRef audioFile;
        private List<FilterCriterion> filterCriteria = List.of();
        private Instant startedAt;
        private Instant endedAt;
        private Cancellation cancellation;
        private List<RecipientEntry> recipients = List.of();
        private Redaction redaction;

        private Builder() {
        }

        private Builder(Message m) {
            id = m.id;
            messageType = m.messageType;
            messageTypeKind = m.messageTypeKind;
            districtOrSchool = m.districtOrSchool;
            subject = m.subject;
            sender = m.sender;
            replyToEmail = m.replyToEmail;
            callerId = m.callerId;
            createdAt = m.createdAt;
            scheduledAt = m.scheduledAt;
            scheduleId = m.scheduleId;
            scheduleName = m.scheduleName;
            status = m.status;
            deliveryModes = m.deliveryModes;
            textMessagingEnabled = m.textMessagingEnabled;
            body = m.body;
            text = m.text;
            emailAttachment = m.emailAttachment;
            audioFile = m.audioFile;
            filterCriteria = m.filterCriteria;
            startedAt = m.startedAt;
            endedAt = m.endedAt;
            cancellation = m.cancellation;
            recipients = m.recipients;
            redaction = m.redaction;
        }

        /**
         * Sets the message id.
         *
         * @param v the message id
         * @return this builder
         */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /**
         * Sets the message type (the sending tool).
         *
         * @param v the message type (the sending tool)
         * @return this builder
         */
        public Builder messageType(String v) {
            messageType = v;
            return this;
        }

        /**
         * Sets the message type's kind.
         *
         * @param v the message type's kind
         * @return this builder
         */
        public Builder messageTypeKind(MessageTypeKind v) {
            messageTypeKind = v;
            return this;
        }

        /**
         * Sets the district or school.
         *
         * @param v the district or school
         * @return this builder
         */
        public Builder districtOrSchool(String v) {
            districtOrSchool = v;
            return this;
        }

        /**
         * Sets the subject.
         *
         * @param v the subject
         * @return this builder
         */
        public Builder subject(String v) {
            subject = v;
            return this;
        }

        /**
         * Sets the sender.
         *
         * @param v the sender
         * @return this builder
         */
        public Builder sender(Sender v) {
            sender = v;
            return this;
        }

        /**
         * Sets the reply-to email.
         *
         * @param v the reply-to email
         * @return this builder
         */
        public Builder replyToEmail(String v) {
            replyToEmail = v;
            return this;
        }

        /**
         * Sets the caller ID.
         *
         * @param v the caller ID
         * @return this builder
         */
        public Builder callerId(String v) {
            callerId = v;
            return this;
        }

        /**
         * Sets when created.
         *
         * @param v when created
         * @return this builder
         */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /**
         * Sets when scheduled, or null.
         *
         * @param v when scheduled, or null
         * @return this builder
         */
        public Builder scheduledAt(Instant v) {
            scheduledAt = v;
            return this;
        }

        /**
         * Sets the schedule id.
         *
         * @param v the schedule id
         * @return this builder
         */
        public Builder scheduleId(String v) {
            scheduleId = v;
            return this;
        }

        /**
         * Sets the schedule name (scheduler-sent messages).
         *
         * @param v the schedule name (scheduler-sent messages)
         * @return this builder
         */
        public Builder scheduleName(String v) {
            scheduleName = v;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param v the status
         * @return this builder
         */
        public Builder status(MessageStatus v) {
            status = v;
            return this;
        }

        /**
         * Sets the delivery modes.
         *
         * @param v the delivery modes
         * @return this builder
         */
        public Builder deliveryModes(Set<Channel> v) {
            deliveryModes = v;
            return this;
        }

        /**
         * Sets the delivery modes.
         *
         * @param first a delivery mode
         * @param rest  more delivery modes
         * @return this builder
         */
        public Builder deliveryModes(Channel first, Channel... rest) {
            deliveryModes = EnumSet.of(first, rest);
            return this;
        }

        /**
         * Sets whether the district uses text messaging.
         *
         * @param v whether the district uses text messaging
         * @return this builder
         */
        public Builder textMessagingEnabled(boolean v) {
            textMessagingEnabled = v;
            return this;
        }

        /**
         * Sets the email body.
         *
         * @param v the email body
         * @return this builder
         */
        public Builder body(String v) {
            body = v;
            return this;
        }

        /**
         * Sets the text-message text.
         *
         * @param v the text-message text
         * @return this builder
         */
        public Builder text(String v) {
            text = v;
            return this;
        }

        /**
         * Sets the email attachment, or null.
         *
         * @param v the email attachment, or null
         * @return this builder
         */
        public Builder emailAttachment(FileRef v) {
            emailAttachment = v;
            return this;
        }

        /**
         * Sets the audio file, or null.
         *
         * @param v the audio file, or null
         * @return this builder
         */
        public Builder audioFile(FileRef v) {
            audioFile = v;
            return this;
        }

        /**
         * Sets the filter criteria.
         *
         * @param v the filter criteria
         * @return this builder
         */
        public Builder filterCriteria(List<FilterCriterion> v) {
            filterCriteria = v;
            return this;
        }

        /**
         * Sets when delivery started, or null.
         *
         * @param v when delivery started, or null
         * @return this builder
         */
        public Builder startedAt(Instant v) {
            startedAt = v;
            return this;
        }

        /**
         * Sets when delivery ended, or null.
         *
         * @param v when delivery ended, or null
         * @return this builder
         */
        public Builder endedAt(Instant v) {
            endedAt = v;
            return this;
        }

        /**
         * Sets the cancel request, or null.
         *
         * @param v the cancel request, or null
         * @return this builder
         */
        public Builder cancellation(Cancellation v) {
            cancellation = v;
            return this;
        }

        /**
         * Sets the recipient list.
         *
         * @param v the recipient list
         * @return this builder
         */
        public Builder recipients(List<RecipientEntry> v) {
            recipients = v;
            return this;
        }

        /**
         * Sets the record of the message's redaction (SPEC X2); stores set it on a redacted message.
         *
         * @param v the redaction, or null for a message that keeps its personal data
         * @return this builder
         */
        public Builder redaction(Redaction v) {
            redaction = v;
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         * @throws NullPointerException     when a required field is missing, naming it
         * @throws IllegalArgumentException when a field is invalid
         */
        public Message build() {
            return new Message(id, messageType, messageTypeKind, districtOrSchool, subject, sender, replyToEmail,
                    callerId, createdAt, scheduledAt, scheduleId, scheduleName, status, deliveryModes,
                    textMessagingEnabled, body, text, emailAttachment, audioFile, filterCriteria, startedAt, endedAt,
                    cancellation, recipients, redaction);
        }
    }
}
