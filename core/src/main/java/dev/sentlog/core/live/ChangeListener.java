package dev.sentlog.core.live;

/**
 * Receives a subscription's events (SPEC E4), one at a time and in order, on a delivery thread of the
 * log's: never on the thread that applied the change. A listener may be slow; only its own
 * subscription waits. An exception it throws is logged and the next event still comes.
 */
@FunctionalInterface
public interface ChangeListener {

    /**
     * One event.
     *
     * @param change the message's state after a change, the first {@link MessageChange.Kind#CURRENT}
     *               state, or an {@link MessageChange.Kind#OVERFLOW} telling the listener it fell behind
     */
    void onChange(MessageChange change);
}
