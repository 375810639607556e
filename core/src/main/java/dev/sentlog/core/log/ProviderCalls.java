package dev.sentlog.core.log;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.spi.DeliveryProvider;
import dev.sentlog.spi.ProviderException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into providers on daemon threads with a timeout. A throw, a timeout or a null answer is
 * logged (without addresses: the provider's own exception text with anything that looks like an
 * email address or a phone number masked, or the exception's class) and comes back empty.
 *
 * <p>At most {@code maxThreads} provider calls run at once, each on a thread of its own; a thread
 * that comes back is reused. A call that finds every thread busy waits for one, up to the same
 * timeout, so a burst of healthy calls only queues. A timed-out call is interrupted; a provider
 * that ignores the interrupt keeps its thread (and its place in the bound) until it returns. While
 * every place is held that way, a new call waits the timeout and is then refused (logged, empty:
 * "no answer this time") instead of starting yet another thread.
 */
final class ProviderCalls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

    private final Duration timeout;
    /** One permit per call running on a provider thread; released when the call returns, not when it times out. */
    private final Semaphore places;
    private final ExecutorService threads;

    ProviderCalls(Duration timeout, int maxThreads) {
        this.timeout = timeout;
        this.places = new Semaphore(maxThreads, true);
        AtomicInteger n = new AtomicInteger();
        // threads are started only for calls that hold a place, so there are never more than maxThreads
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sentlog-provider-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    <T> Optional<T> call(DeliveryProvider provider, String what, String messageId, Callable<T> call) {
        try {
            if (!places.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("could not call provider {} to {} message {}: no provider thread is free within {} ms "
                        + "(each is held by a call that timed out and never returned)", provider.name(), what,
                        messageId, timeout.toMillis());
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting to call provider {} to {} message {}", provider.name(), what, messageId);
            return Optional.empty();
        }
        Future<T> f;
        try {
            f = threads.submit(() -> {
                try {
                    return call.call();
                } finally {
                    places.release();
                }
            });
        } catch (RejectedExecutionException e) {
            places.release();
            LOG.warn("could not call provider {} to {} message {}: the log is closed", provider.name(), what, messageId);
            return Optional.empty();
        }
        try {
            T answer = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (answer == null) {
                LOG.warn("provider {} answered nothing to {} message {}", provider.name(), what, messageId);
            }
            return Optional.ofNullable(answer);
        } catch (TimeoutException e) {
            f.cancel(true);
            LOG.warn("provider {} did not {} message {} within {} ms", provider.name(), what, messageId,
                    timeout.toMillis());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof ProviderException ? Addresses.maskInText(cause.getMessage())
                    : cause.getClass().getName();
            LOG.warn("provider {} failed to {} message {}: {}", provider.name(), what, messageId, why);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while provider {} was asked to {} message {}", provider.name(), what, messageId);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
