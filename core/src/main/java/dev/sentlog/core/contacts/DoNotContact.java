package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.util.List;

/**
 * An address the recipient does not want messages at (SPEC H3): an opt-out (-33, OPTED_OUT), Do
 * Not Call (-3), or an unsubscribe or complaint reported as feedback (H5). Listed apart from the
 * contacts to fix, never as an error to fix; a resend never goes to it (Y1).
 *
 * @param channel  the channel
 * @param address  the address normalised as in D1
 * @param evidence the do-not-contact facts, newest first
 * @param persons  the ids of the persons using the address in the ledger's messages, sorted
 * @param schools  the schools of those messages, sorted
 */
public record DoNotContact(Channel channel, String address, List<Evidence> evidence, List<String> persons,
                           List<String> schools) {

    /**
     * Validates and copies the entry.
     *
     * @throws NullPointerException when a component or element is null
     */
    public DoNotContact {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        evidence = Checks.copyWithoutNulls(evidence, "evidence");
        persons = Checks.copyWithoutNulls(persons, "persons");
        schools = Checks.copyWithoutNulls(schools, "schools");
    }
}
