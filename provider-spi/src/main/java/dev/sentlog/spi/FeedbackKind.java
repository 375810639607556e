package dev.sentlog.spi;

/**
 * What a recipient did with a delivered message (SPEC H5): feedback a provider reports beside a
 * device's outcome. Feedback never changes the outcome (SPEC R2).
 */
public enum FeedbackKind {
    /** The message was opened (or read). */
    OPENED,
    /** A link in the message was clicked. */
    CLICKED,
    /** The recipient unsubscribed: the service will suppress further messages to the address. */
    UNSUBSCRIBED,
    /** The recipient reported the message as spam: the service will suppress the address. */
    COMPLAINED;

    /**
     * Whether the service suppresses the address from now on; the log then marks it "do not contact"
     * (SPEC H3).
     *
     * @return true for {@link #UNSUBSCRIBED} and {@link #COMPLAINED}
     */
    public boolean suppresses() {
        return this == UNSUBSCRIBED || this == COMPLAINED;
    }

    /**
     * The word shown beside a device's outcome, e.g. {@code "Opened"}.
     *
     * @return the label
     */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
