package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.time.Instant;
import java.util.List;

/**
 * An address whose newest K attempted deliveries, each in a different message, all failed
 * permanently (SPEC H3): a number or email address staff should ask the family to update.
 *
 * @param channel  the channel
 * @param address  the address normalised as in D1
 * @param evidence one line per message of the failing streak, newest first
 * @param since    when the oldest failure of the streak was reported
 * @param persons  the ids of the persons using the address in the ledger's messages, sorted
 * @param schools  the schools of those messages, sorted
 */
public record ContactToFix(Channel channel, String address, List<Evidence> evidence, Instant since,
                           List<String> persons, List<String> schools) {

    /**
     * Validates and copies the entry.
     *
     * @throws NullPointerException     when a component or element is null
     * @throws IllegalArgumentException when there is no evidence
     */
    public ContactToFix {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        evidence = Checks.copyWithoutNulls(evidence, "evidence");
        Checks.requireNonNull(since, "since");
        persons = Checks.copyWithoutNulls(persons, "persons");
        schools = Checks.copyWithoutNulls(schools, "schools");
        Checks.requireArgument(!evidence.isEmpty(), "a contact to fix has evidence");
    }
}
