package dev.sentlog.spi;

import java.util.Objects;

/**
 * What a provider delivers. Bodies are references the host resolves, so that message text never
 * travels through logs.
 *
 * @param subject       the subject (email, inbox), blank when none
 * @param contentRef    the host's reference to the body, text and audio (e.g. the message id)
 * @param callerId      the caller ID shown on phone calls, blank when none
 * @param replyToEmail  the reply-to address of emails, blank when none
 */
public record DeliveryContent(String subject, String contentRef, String callerId, String replyToEmail) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null (use blank for "none")
     */
    public DeliveryContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(contentRef, "contentRef");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(replyToEmail, "replyToEmail");
    }
}
