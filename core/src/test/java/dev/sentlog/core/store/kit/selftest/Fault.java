package dev.sentlog.core.store.kit.selftest;

import java.util.Set;

/** A way a {@link BrokenStore} breaks the store contract, with the kit clauses that must then fail. */
enum Fault {
    /** Keeps the contract. */
    NONE(Set.of(), Set.of()),
    /** compareAndSet replaces whatever the version. */
    CAS_IGNORES_VERSION(Set.of("ST-13", "ST-14"), Set.of()),
    /**
     * withDevices runs the callback outside the message's lock (and outside the store's undo, so the
     * contact facts it notes are never recorded). ST-10 catches the overlap only when the second
     * callback's thread is scheduled before the first is released, which a loaded machine may delay.
     */
    UNLOCKED_DEVICES(Set.of("ST-9"), Set.of("ST-10", "ST-25", "ST-42", "ST-60", "ST-61", "ST-62", "ST-63", "ST-64")),
    /** search answers oldest first. */
    UNSORTED_SEARCH(Set.of("ST-17", "ST-18", "ST-19", "ST-20", "ST-21", "ST-22"), Set.of("ST-72")),
    /** snapshot drops the filter criteria. */
    SNAPSHOT_DROPS_FIELD(Set.of("ST-4", "ST-5"), Set.of()),
    /** the four-argument compareAndSet is the port's non-atomic default. */
    NON_ATOMIC_CAS_WITH_DEVICES(Set.of("ST-16"), Set.of()),
    /** a duplicate insert is silently accepted. */
    DUPLICATE_ACCEPTED(Set.of("ST-2"), Set.of()),
    /** messageOfJob finds nothing. */
    JOB_INDEX_MISSING(Set.of("ST-23", "ST-26"), Set.of()),
    /** active answers newest created first. */
    ACTIVE_NEWEST_FIRST(Set.of("ST-24"), Set.of()),
    /** summary answers the figures it first answered for ever (E3). */
    STALE_SUMMARY(Set.of("ST-41", "ST-43"), Set.of()),
    /** summary keeps the figures of a callback that threw (N1, E3). */
    SUMMARY_KEEPS_FAILED_CALLBACK(Set.of("ST-42"), Set.of()),
    /** the contact ledger answers nothing (H3). */
    LEDGER_FORGETS(Set.of("ST-60", "ST-61", "ST-62", "ST-63", "ST-64"), Set.of()),
    /** failingAddresses ignores the minimum streak (H3). */
    STREAK_IGNORED(Set.of("ST-61"), Set.of()),
    /** doNotContactAmong answers nobody (H3, Y1). */
    DO_NOT_CONTACT_AMONG_NOBODY(Set.of("ST-62"), Set.of()),
    /** claimResend ignores the allowance (Y2). */
    RESEND_UNLIMITED(Set.of("ST-65", "ST-67"), Set.of()),
    /** releaseResend keeps the link (Y2). */
    RESEND_NEVER_RELEASED(Set.of("ST-66"), Set.of()),
    /** markForPurge answers true but leaves the message visible, and nothing is erased (X1). */
    PURGE_MARK_IGNORED(Set.of("ST-70", "ST-71", "ST-72", "ST-77", "ST-83"), Set.of("ST-73", "ST-75")),
    /** markForPurge lifts a legal hold in force and marks the message anyway (X3). */
    PURGE_IGNORES_HOLD(Set.of("ST-72"), Set.of()),
    /** candidates include messages under legal hold (X3). */
    CANDIDATES_IGNORE_HOLD(Set.of("ST-73"), Set.of()),
    /** redact answers the figures but erases nothing and stores nothing (X2). */
    REDACTION_NOT_STORED(Set.of("ST-73", "ST-74", "ST-75", "ST-83"), Set.of("ST-77")),
    /** holds answers only the hold in force: lifted holds are forgotten (X3). */
    HOLD_HISTORY_LOST(Set.of("ST-76"), Set.of()),
    /** renewing, taking over and ending a hand-over ignore the lease version. */
    LEASE_IGNORES_VERSION(Set.of("ST-33", "ST-37"), Set.of("ST-34", "ST-35")),
    /** a hand-over is taken over while its lease still holds. */
    TAKE_OVER_BEFORE_EXPIRY(Set.of("ST-34"), Set.of()),
    /** a begin replaces a hand-over stored already. */
    BEGIN_REPLACES_LEASE(Set.of("ST-31"), Set.of("ST-32")),
    /** expiredHandOvers lists every stored hand-over, expired or not. */
    EXPIRED_INCLUDES_LIVE(Set.of("ST-36"), Set.of()),
    /** handOver answers the lease without its batches. */
    LEASE_DROPS_BATCHES(Set.of("ST-30", "ST-31", "ST-33", "ST-34"), Set.of("ST-32")),
    /** the Recipient Log's read answers oldest first (issue #13). */
    RECIPIENT_LOG_OLDEST_FIRST(Set.of("ST-50", "ST-52", "ST-55"), Set.of()),
    /** a Voice number's read answers the same number's Text messages. */
    RECIPIENT_LOG_CHANNEL_IGNORED(Set.of("ST-51"), Set.of("ST-55")),
    /** a hit carries the key's own entries only, not those sharing an address (D3). */
    RECIPIENT_LOG_OWN_ENTRIES_ONLY(Set.of("ST-53", "ST-55"), Set.of()),
    /** a hit carries the devices as recorded, not their current outcomes. */
    RECIPIENT_LOG_RECORDED_OUTCOMES(Set.of("ST-54"), Set.of()),
    /** recordFeedback records a repeated event again (H5). */
    FEEDBACK_REPEATED(Set.of("ST-80", "ST-85"), Set.of()),
    /** recordFeedback also fails the device it names: feedback changes an outcome (R2, H5). */
    FEEDBACK_CHANGES_OUTCOME(Set.of("ST-81"), Set.of()),
    /** suppressedAmong answers nobody (H3, H5). */
    FEEDBACK_NEVER_SUPPRESSES(Set.of("ST-82"), Set.of()),
    /** feedback answers what was recorded even after a purge mark or a redaction (X1, X2, H5). */
    FEEDBACK_OUTLIVES_RETENTION(Set.of("ST-83"), Set.of());

    private final Set<String> broken;
    private final Set<String> mayAlsoFail;

    Fault(Set<String> broken, Set<String> mayAlsoFail) {
        this.broken = broken;
        this.mayAlsoFail = mayAlsoFail;
    }

    /** The clauses whose tests must fail. */
    Set<String> broken() {
        return broken;
    }

    /** Clauses that may fail too, depending on thread scheduling. */
    Set<String> mayAlsoFail() {
        return mayAlsoFail;
    }
}
