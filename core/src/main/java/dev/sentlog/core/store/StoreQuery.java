package dev.sentlog.core.store;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A search of the store: messages created in {@code [from, to)}, optionally of one sender and of
 * some schools, visible at an instant (SPEC V2), newest first, at most {@code limit} of them.
 * Each part maps onto an indexable condition of a relational store.
 *
 * @param from      created at or after (inclusive)
 * @param to        created before (exclusive)
 * @param senderId  only messages of this sender (SPEC T1, a user's own log), or null for any
 * @param schools   only messages of these districts/schools (SPEC T3); empty for all
 * @param visibleAt hide scheduler-created messages scheduled after this instant (SPEC V2)
 * @param limit     at most this many headers (SPEC S2), at least 1
 */
public record StoreQuery(Instant from, Instant to, String senderId, Set<String> schools, Instant visibleAt,
                         int limit) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the limit is below 1
     */
    public StoreQuery {
        Checks.requireNonNull(from, "query.from");
        Checks.requireNonNull(to, "query.to");
        Checks.requireArgument(!from.isAfter(to), "query range starts %s after it ends %s", from, to);
        schools = Set.copyOf(Checks.requireNonNull(schools, "query.schools"));
        Checks.requireNonNull(visibleAt, "query.visibleAt");
        Checks.requireArgument(limit >= 1, "query limit must be at least 1, was %d", limit);
    }

    /** The sender filter, if any. */
    public Optional<String> sender() {
        return Optional.ofNullable(senderId);
    }

    /**
     * Whether a header satisfies every condition of the query (the plain, unindexed definition).
     *
     * @param h the header
     * @return true when it matches
     */
    public boolean matches(MessageHeader h) {
        return !h.createdAt().isBefore(from) && h.createdAt().isBefore(to)
                && (senderId == null || senderId.equals(h.sender().id()))
                && (schools.isEmpty() || schools.contains(h.districtOrSchool()))
                && h.isVisibleAt(visibleAt);
    }
}
