package dev.sentlog.core.recipients;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.search.SearchCriteria;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.spi.Channel;
import java.time.LocalDate;

/**
 * What a Recipient Log asks for (SPEC H1): one person or one address, and the created-date range
 * (whole days in the district's zone, both ends inclusive, as a search, S1).
 *
 * @param key     the person or the address (normalised as in D1)
 * @param created the created-date range
 */
public record RecipientQuery(RecipientKey key, SearchCriteria created) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException when one is null
     */
    public RecipientQuery {
        Checks.requireNonNull(key, "key");
        Checks.requireNonNull(created, "created");
    }

    /**
     * The messages sent to one person.
     *
     * @param personId the person's id
     * @param from     the first day
     * @param to       the last day
     * @return the query
     * @throws IllegalArgumentException when the id is blank
     * @throws dev.sentlog.core.search.InvalidDateRangeException when a date is missing or the start is
     *                                                           after the end
     */
    public static RecipientQuery person(String personId, LocalDate from, LocalDate to) {
        return new RecipientQuery(RecipientKey.person(personId), SearchCriteria.createdBetween(from, to));
    }

    /**
     * The messages sent to one address on a channel.
     *
     * @param channel the channel
     * @param address the address as typed; normalised as in SPEC D1
     * @param from    the first day
     * @param to      the last day
     * @return the query
     * @throws IllegalArgumentException when the address is blank after normalisation
     * @throws dev.sentlog.core.search.InvalidDateRangeException when a date is missing or the start is
     *                                                           after the end
     */
    public static RecipientQuery address(Channel channel, String address, LocalDate from, LocalDate to) {
        return new RecipientQuery(RecipientKey.address(channel, address), SearchCriteria.createdBetween(from, to));
    }
}
