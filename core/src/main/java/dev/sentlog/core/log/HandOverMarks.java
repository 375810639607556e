package dev.sentlog.core.log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages this log is handing over right now: status derivation and cancels wait for the
 * hand-over to finish (it derives and stops through the providers itself once done). Thread-safe.
 */
final class HandOverMarks {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** Marks a hand-over; false when one of the message is running already. */
    boolean mark(String messageId) {
        return ids.add(messageId);
    }

    void unmark(String messageId) {
        ids.remove(messageId);
    }

    boolean isMarked(String messageId) {
        return ids.contains(messageId);
    }
}
