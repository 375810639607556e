package dev.sentlog.core.store;

import dev.sentlog.spi.OutcomeClassifier;

/**
 * The in-memory store without a maintained summary (it analyses the devices when asked): the
 * baseline the benchmarks measure the maintained summary's cost against (SPEC E3).
 */
public final class UnmaintainedInMemory {

    private UnmaintainedInMemory() {
    }

    /**
     * A new empty store that keeps no summary.
     *
     * @return the store
     */
    public static MessageStore create() {
        return new InMemoryMessageStore(OutcomeClassifier.standard(), false);
    }
}
