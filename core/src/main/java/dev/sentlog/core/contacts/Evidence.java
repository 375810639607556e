package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.DeviceOutcome;
import java.time.Instant;

/**
 * One message's evidence about an address (SPEC H3): which message, what happened, when.
 *
 * @param messageId the message
 * @param school    its district or school
 * @param kind      what the outcome says about the address
 * @param outcome   the device outcome (e.g. 3 Not In Service)
 * @param at        when the provider reported it
 */
public record Evidence(String messageId, String school, ContactKind kind, DeviceOutcome outcome, Instant at) {

    /**
     * Validates the evidence.
     *
     * @throws NullPointerException when a component is null
     */
    public Evidence {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(school, "school");
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(outcome, "outcome");
        Checks.requireNonNull(at, "at");
    }

    static Evidence of(ContactFact f) {
        return new Evidence(f.messageId(), f.school(), f.kind(), f.outcome(), f.at());
    }

    /**
     * What happened, as shown: the outcome (e.g. {@code "3 Not In Service"}), or for feedback what the
     * recipient did and the outcome it followed (e.g. {@code "Complained (after Sent)"}; SPEC H5).
     *
     * @return the text
     */
    public String describe() {
        if (kind == ContactKind.COMPLAINED || kind == ContactKind.UNSUBSCRIBED) {
            String what = kind == ContactKind.COMPLAINED ? "Complained" : "Unsubscribed";
            return what + " (after " + outcome.display() + ")";
        }
        return outcome.display();
    }
}
