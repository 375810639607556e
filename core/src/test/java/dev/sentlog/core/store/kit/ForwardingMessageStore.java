package dev.sentlog.core.store.kit;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.RecipientKey;
import dev.sentlog.core.store.RecipientPage;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A store that passes every call to another one: the base of test wrappers that change one call
 * (a broken store for the kit's self-test, a store that loses its connections at a chosen point).
 */
public abstract class ForwardingMessageStore implements MessageStore {

    /** The store every call goes to. */
    protected final MessageStore delegate;

    /**
     * Wraps a store.
     *
     * @param delegate the store every call goes to
     */
    protected ForwardingMessageStore(MessageStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        return delegate.insert(message, state);
    }

    @Override
    public Optional<MessageHeader> header(String messageId) {
        return delegate.header(messageId);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        return delegate.compareAndSet(messageId, expectedVersion, next);
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        return delegate.compareAndSet(messageId, expectedVersion, next, devices);
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        return delegate.withDevices(messageId, callback);
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        return delegate.snapshot(messageId);
    }

    @Override
    public StorePage search(StoreQuery query) {
        return delegate.search(query);
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        return delegate.messageOfJob(providerName, jobId);
    }

    @Override
    public List<MessageHeader> active(int limit) {
        return delegate.active(limit);
    }

    @Override
    public RecipientPage recipientMessages(RecipientKey key, StoreQuery query) {
        return delegate.recipientMessages(key, query);
    }
}
