package dev.sentlog.core.engagement;

import dev.sentlog.core.contacts.ContactFact;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import java.util.Optional;

/**
 * A feedback event as the log hands it to the store (SPEC H5), with what the store needs to mark
 * the address "do not contact" when the recipient unsubscribed or complained (H3): the device's
 * channel, normalised address, person and outcome at that moment, and the message's school.
 *
 * @param event    the event
 * @param row      the device's row in the message (recipient-list order), for the contact ledger
 * @param channel  the device's channel
 * @param address  the device's address normalised as in D1, non-blank
 * @param personId the person the device belongs to
 * @param outcome  the device's outcome when the feedback was recorded
 * @param school   the message's district or school
 */
public record FeedbackRecord(FeedbackEvent event, int row, Channel channel, String address, String personId,
                             DeviceOutcome outcome, String school) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the address is blank or the row negative
     */
    public FeedbackRecord {
        Checks.requireNonNull(event, "event");
        Checks.requireArgument(row >= 0, "the row of feedback %s is negative: %d", event.eventId(), row);
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonBlank(address, "address");
        Checks.requireNonNull(personId, "personId");
        Checks.requireNonNull(outcome, "outcome");
        Checks.requireNonNull(school, "school");
    }

    /**
     * The "do not contact" fact this feedback makes (SPEC H3): present for an unsubscribe or a
     * complaint, whose kind it carries ({@link ContactKind#UNSUBSCRIBED}, {@link ContactKind#COMPLAINED}).
     *
     * @param messageId the message
     * @return the fact; empty for opened and clicked
     */
    public Optional<ContactFact> suppression(String messageId) {
        if (!event.kind().suppresses()) {
            return Optional.empty();
        }
        return Optional.of(new ContactFact(channel, address, messageId, row, ContactKind.of(event.kind()),
                outcome, event.at(), personId, school));
    }
}
