package dev.sentlog.core.log;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageStore;
import java.time.Clock;
import java.time.Instant;

/**
 * The log's access checks (SPEC T1-T4): a right is checked before any lookup, and a message
 * outside the caller's scope raises exactly what a missing one raises.
 */
final class AccessChecks {

    private final MessageStore store;
    private final Clock clock;

    AccessChecks(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Throws {@link AccessDeniedException} unless the caller has the right. */
    static void requireRight(Caller caller, ToolRight right) {
        Checks.requireNonNull(caller, "caller");
        if (!caller.has(right)) {
            throw new AccessDeniedException(caller.userId(), right);
        }
    }

    /** The header of a message the caller may see, or the same not-found for every other case (T4). */
    MessageHeader visible(Caller caller, String messageId) {
        Checks.requireNonNull(messageId, "messageId");
        Instant now = clock.instant();
        return store.header(messageId)
                .filter(h -> caller.log() != LogKind.OWN || h.sender().id().equals(caller.userId()))
                .filter(h -> caller.schools().isEmpty() || caller.schools().contains(h.districtOrSchool()))
                .filter(h -> h.isVisibleAt(now))
                .orElseThrow(() -> new MessageNotFoundException(messageId));
    }
}
