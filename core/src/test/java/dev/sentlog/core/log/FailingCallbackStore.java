package dev.sentlog.core.log;

import dev.sentlog.core.store.DeviceTable;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.ForwardingMessageStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A store whose next device callback, once armed, runs a failure (connections terminated, the
 * server stopped) after the callback made its changes and before the store commits them (N4).
 */
final class FailingCallbackStore extends ForwardingMessageStore {

    /** Set to make the next device callback fail; cleared when it has. */
    final AtomicBoolean failNext = new AtomicBoolean();
    private final Runnable failure;

    FailingCallbackStore(MessageStore delegate, Runnable failure) {
        super(delegate);
        this.failure = failure;
    }

    @Override
    public <R> Optional<R> withDevices(String messageId, Function<DeviceTable, R> callback) {
        return delegate.withDevices(messageId, t -> {
            R result = callback.apply(t);
            if (failNext.getAndSet(false)) {
                failure.run();
            }
            return result;
        });
    }
}
