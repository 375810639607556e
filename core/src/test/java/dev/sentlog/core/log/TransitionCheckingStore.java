package dev.sentlog.core.log;

import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ForwardingMessageStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory store that records the status changes the log stores and every one SPEC M2 does not
 * allow. A successful compare-and-set at version v replaced exactly the state read at version v, so
 * a change is never misjudged when threads race; one whose replaced state another thread's change
 * hid from the read is skipped.
 */
final class TransitionCheckingStore extends ForwardingMessageStore {

    final List<String> illegal = new CopyOnWriteArrayList<>();
    final List<String> transitions = new CopyOnWriteArrayList<>();

    TransitionCheckingStore() {
        super(MessageStore.inMemory());
    }

    /** Checks the status changes stored into another store (a PostgreSQL store, one per node). */
    TransitionCheckingStore(MessageStore delegate) {
        super(delegate);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        Optional<MessageHeader> before = delegate.header(messageId);
        Optional<MessageHeader> after = delegate.compareAndSet(messageId, expectedVersion, next);
        record(messageId, expectedVersion, before, after);
        return after;
    }

    private void record(String messageId, long expectedVersion, Optional<MessageHeader> before,
                        Optional<MessageHeader> after) {
        if (after.isPresent() && before.isPresent() && before.get().state().version() == expectedVersion) {
            MessageStatus from = before.get().state().status();
            MessageStatus to = after.get().state().status();
            if (from != to) {
                transitions.add(messageId + ": " + from + " -> " + to);
                if (!from.canMoveTo(to)) {
                    illegal.add(messageId + ": " + from + " -> " + to);
                }
            }
        }
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        Optional<MessageHeader> before = delegate.header(messageId);
        Optional<MessageHeader> after = delegate.compareAndSet(messageId, expectedVersion, next, devices);
        record(messageId, expectedVersion, before, after);
        return after;
    }
}
