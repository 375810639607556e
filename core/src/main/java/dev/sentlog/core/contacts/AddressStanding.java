package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ledger facts of one address say (SPEC H3): its attempts, one per message, newest first;
 * how many of the newest attempts in a row failed permanently (the streak); since when; and whether
 * the address is "do not contact".
 *
 * <p>Per message the address has one attempt (D3): successful when any occurrence succeeded,
 * otherwise an other failure when any occurrence failed otherwise, otherwise a permanent failure;
 * its time is the latest of its occurrences' times. Do-not-contact facts are not attempts. The
 * do-not-contact mark stays once set: a later delivery does not undo a recipient's opt-out.
 *
 * @param attempts      one attempt per message, newest first (time, then message id, descending)
 * @param streak        how many of the newest attempts in a row are permanent failures
 * @param doNotContact  whether any fact says "do not contact"
 */
public record AddressStanding(List<Attempt> attempts, int streak, boolean doNotContact) {

    /**
     * One message's attempt on the address.
     *
     * @param messageId the message
     * @param kind      success, permanent or other failure
     * @param outcome   the latest occurrence's fact
     * @param at        the latest occurrence's time
     */
    public record Attempt(String messageId, ContactKind kind, ContactFact outcome, Instant at) {
    }

    private static final Comparator<Attempt> NEWEST_FIRST = (a, b) -> {
        int c = b.at().compareTo(a.at());
        return c != 0 ? c : b.messageId().compareTo(a.messageId());
    };

    /**
     * Copies the attempts.
     *
     * @throws NullPointerException     when attempts is null
     * @throws IllegalArgumentException when the streak is negative or longer than the attempts
     */
    public AddressStanding {
        attempts = List.copyOf(Checks.copyWithoutNulls(attempts, "attempts"));
        Checks.requireArgument(streak >= 0 && streak <= attempts.size(), "a streak of %d over %d attempt(s)", streak,
                attempts.size());
    }

    /**
     * The standing of an address from its facts.
     *
     * @param facts the address's facts, any order
     * @return its standing
     */
    public static AddressStanding of(List<ContactFact> facts) {
        Map<String, Attempt> byMessage = new LinkedHashMap<>();
        boolean doNotContact = false;
        for (ContactFact f : facts) {
            if (f.kind().isDoNotContact()) {
                doNotContact = true;
            }
            if (!f.kind().isAttempt()) {
                continue;
            }
            byMessage.merge(f.messageId(), new Attempt(f.messageId(), f.kind(), f, f.at()), AddressStanding::merge);
        }
        List<Attempt> attempts = new ArrayList<>(byMessage.values());
        attempts.sort(NEWEST_FIRST);
        int streak = 0;
        while (streak < attempts.size() && attempts.get(streak).kind() == ContactKind.PERMANENT_FAILURE) {
            streak++;
        }
        return new AddressStanding(attempts, streak, doNotContact);
    }

    private static Attempt merge(Attempt a, Attempt b) {
        ContactKind kind = rank(a.kind()) >= rank(b.kind()) ? a.kind() : b.kind();
        ContactFact latest = AddressHistory.NEWEST_FIRST.compare(a.outcome(), b.outcome()) <= 0 ? a.outcome()
                : b.outcome();
        return new Attempt(a.messageId(), kind, latest, latest.at());
    }

    private static int rank(ContactKind k) {
        return k == ContactKind.SUCCESS ? 2 : k == ContactKind.OTHER_FAILURE ? 1 : 0;
    }

    /**
     * Whether the address is a contact to fix: its newest {@code k} attempts all failed permanently,
     * and nothing marks it "do not contact" (an opted-out or Do Not Call address is listed apart,
     * never as an error to fix, SPEC H3).
     *
     * @param k how many attempts, at least 1
     * @return whether listed
     */
    public boolean toFix(int k) {
        Checks.requireArgument(k >= 1, "K must be at least 1, was %d", k);
        return !doNotContact && streak >= k;
    }

    /** The time of the oldest attempt of the streak: since when the address fails; empty without a streak. */
    public Optional<Instant> failingSince() {
        return streak == 0 ? Optional.empty() : Optional.of(attempts.get(streak - 1).at());
    }
}
