package dev.sentlog.core.store.kit.selftest;

import java.util.Set;

/** A way a {@link BrokenStore} breaks the store contract, with the kit clauses that must then fail. */
enum Fault {
    /** Keeps the contract. */
    NONE(Set.of(), Set.of()),
    /** compareAndSet replaces whatever the version. */
    CAS_IGNORES_VERSION(Set.of("ST-13", "ST-14"), Set.of()),
    /**
     * withDevices runs the callback outside the message's lock (and outside the store's undo). ST-9
     * catches it every time; ST-10 only when the pool starts the second callback before the first is
     * released, which a loaded machine may not do.
     */
    UNLOCKED_DEVICES(Set.of("ST-9"), Set.of("ST-10", "ST-25")),
    /** search answers oldest first. */
    UNSORTED_SEARCH(Set.of("ST-17", "ST-18", "ST-19", "ST-20", "ST-21", "ST-22"), Set.of()),
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
    /** the Recipient Log's read answers oldest first (issue #13). */
    RECIPIENT_LOG_OLDEST_FIRST(Set.of("ST-50", "ST-52", "ST-55"), Set.of()),
    /** a Voice number's read answers the same number's Text messages. */
    RECIPIENT_LOG_CHANNEL_IGNORED(Set.of("ST-51"), Set.of("ST-55")),
    /** a hit carries the key's own entries only, not those sharing an address (D3). */
    RECIPIENT_LOG_OWN_ENTRIES_ONLY(Set.of("ST-53", "ST-55"), Set.of()),
    /** a hit carries the devices as recorded, not their current outcomes. */
    RECIPIENT_LOG_RECORDED_OUTCOMES(Set.of("ST-54"), Set.of());

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
