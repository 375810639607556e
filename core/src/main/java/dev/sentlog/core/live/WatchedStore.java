package dev.sentlog.core.live;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.ForwardingMessageStore;
import dev.sentlog.core.store.HandOverLease;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.PlannedBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The log's store, telling its {@link SubscriptionHub} after each call that may have changed a
 * message's status or figures. Every other call (reads, contacts, resend links, retention, lease
 * renewals, the Recipient Log) is forwarded unchanged: a purge or a redaction ends no
 * subscription by itself, and only beginning a hand-over changes the message's state.
 */
final class WatchedStore extends ForwardingMessageStore {

    private final SubscriptionHub hub;

    WatchedStore(MessageStore store, SubscriptionHub hub) {
        super(store);
        this.hub = hub;
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        MessageHeader h = delegate.insert(message, state);
        hub.changed(h.id());
        return h;
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        return changedWhenPresent(messageId, delegate.compareAndSet(messageId, expectedVersion, next));
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        return changedWhenPresent(messageId, delegate.compareAndSet(messageId, expectedVersion, next, devices));
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        Optional<R> result = delegate.withDevices(messageId, callback);
        hub.changed(messageId);
        return result;
    }

    @Override
    public Optional<HandOverLease> beginHandOver(String messageId, long expectedVersion, MessageState next,
                                                 String owner, Instant leaseUntil, int deliverable,
                                                 List<PlannedBatch> batches) {
        return changedWhenPresent(messageId, delegate.beginHandOver(messageId, expectedVersion, next, owner,
                leaseUntil, deliverable, batches));
    }

    /** Tells the hub the message changed when the store's answer says it did (a replaced state). */
    private <T> Optional<T> changedWhenPresent(String messageId, Optional<T> answer) {
        if (answer.isPresent()) {
            hub.changed(messageId);
        }
        return answer;
    }
}
