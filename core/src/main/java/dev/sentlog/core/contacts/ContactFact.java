package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import java.time.Instant;
import java.util.Comparator;

/**
 * One line of the contact ledger: the final outcome of one device row of one message, as the log
 * applied it (SPEC H3). A store keeps one fact per (address, message, row); a later final outcome of
 * the same row replaces it.
 *
 * @param channel   the device's channel
 * @param address   the address normalised as in D1
 * @param messageId the message
 * @param row       the device's row in the message (recipient-list order)
 * @param kind      what the outcome says about the address; never {@link ContactKind#NOT_ATTEMPTED}
 * @param outcome   the device's outcome
 * @param at        when the provider reported it
 * @param personId  the person the device belongs to
 * @param school    the message's district or school
 */
public record ContactFact(Channel channel, String address, String messageId, int row, ContactKind kind,
                          DeviceOutcome outcome, Instant at, String personId, String school) {

    /**
     * Validates the fact.
     *
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the address is blank, the row negative or the kind not a fact
     */
    public ContactFact {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(kind, "kind");
        Checks.requireNonNull(outcome, "outcome");
        Checks.requireNonNull(at, "at");
        Checks.requireNonNull(personId, "personId");
        Checks.requireNonNull(school, "school");
        Checks.requireArgument(!address.isBlank(), "the address of a contact fact of message %s is blank", messageId);
        Checks.requireArgument(row >= 0, "the row of a contact fact of message %s is negative: %d", messageId, row);
        Checks.requireArgument(kind != ContactKind.NOT_ATTEMPTED, "a contact fact of message %s row %d is not an "
                + "attempt (NOT_ATTEMPTED facts are not stored)", messageId, row);
    }

    /** The order of listed facts: channel, address, message, row, kind. */
    public static final Comparator<ContactFact> ORDER = Comparator.comparing(ContactFact::channel)
            .thenComparing(ContactFact::address).thenComparing(ContactFact::messageId)
            .thenComparingInt(ContactFact::row).thenComparing(ContactFact::kind);

    /** The ledger key of the address: its channel and normalised address. */
    public String addressKey() {
        return key(channel, address);
    }

    /**
     * The ledger key of an address.
     *
     * @param channel the channel
     * @param address the address normalised as in D1
     * @return {@code CHANNEL:address}
     */
    public static String key(Channel channel, String address) {
        return channel.name() + ":" + address;
    }
}
