package dev.sentlog.core.log;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ForwardingMessageStore;
import dev.sentlog.core.store.StorePage;
import dev.sentlog.core.store.StoreQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory store that calls a hook before and after every store call (outside the store's
 * locks), so that a test can pin an interleaving of the log's threads at store-call boundaries.
 * The hook gets {@code "before <method>"} or {@code "after <method>"}.
 */
final class HookedStore extends ForwardingMessageStore {

    /** What runs at a store-call boundary, on the calling thread. */
    @FunctionalInterface
    interface Hook {
        void at(String point);
    }

    private final Hook hook;

    HookedStore(MessageStore delegate, Hook hook) {
        super(delegate);
        this.hook = hook;
    }

    private <R> R around(String method, java.util.function.Supplier<R> call) {
        hook.at("before " + method);
        R r = call.get();
        hook.at("after " + method);
        return r;
    }

    @Override
    public MessageHeader insert(Message message, MessageState state) {
        return around("insert", () -> delegate.insert(message, state));
    }

    @Override
    public Optional<MessageHeader> header(String messageId) {
        return around("header", () -> delegate.header(messageId));
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next) {
        return around("compareAndSet", () -> delegate.compareAndSet(messageId, expectedVersion, next));
    }

    @Override
    public Optional<MessageHeader> compareAndSet(String messageId, long expectedVersion, MessageState next,
                                                 Consumer<DeviceTable> devices) {
        return around("compareAndSet", () -> delegate.compareAndSet(messageId, expectedVersion, next, devices));
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        return around("withDevices", () -> delegate.withDevices(messageId, callback));
    }

    @Override
    public Optional<Message> snapshot(String messageId) {
        return around("snapshot", () -> delegate.snapshot(messageId));
    }

    @Override
    public StorePage search(StoreQuery query) {
        return around("search", () -> delegate.search(query));
    }

    @Override
    public Optional<String> messageOfJob(String providerName, String jobId) {
        return around("messageOfJob", () -> delegate.messageOfJob(providerName, jobId));
    }

    @Override
    public List<MessageHeader> active(int limit) {
        return around("active", () -> delegate.active(limit));
    }
}
