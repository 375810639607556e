package dev.sentlog.core.live;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.store.MessageStore;
import dev.sentlog.core.store.StoredSummary;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of one log (SPEC E4). The log tells it which message may have changed
 * ({@link #changed}, after every store call that can change one, and for every id a
 * {@link ChangeFeed} passes); when the message has subscribers, the hub reads its state (the store's
 * maintained summary: no device is read, E3) and, when status or summary differ from the last
 * published, publishes the new state under the next sequence number to every subscriber's queue.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Each published change reaches each subscriber once and in order: one message's changes are
 *       published one at a time, and each subscriber's events are delivered by one task at a time.
 *       Two changes committed at once may be published as one (the state after both).</li>
 *   <li>Intake never waits for a subscriber: publishing is a non-blocking offer to a bounded queue
 *       of {@code queueCapacity} events; delivery runs on the hub's own daemon threads.</li>
 *   <li>A subscriber whose queue is full loses its queued events and, once its listener is free, is
 *       sent one {@link MessageChange.Kind#OVERFLOW} event with the newest state; later changes
 *       follow as usual.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} ends every subscription and stops the delivery threads.
 */
public final class SubscriptionHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHub.class);

    private final Function<String, Optional<StoredSummary>> reader;
    private final int queueCapacity;
    private final ExecutorService delivery;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** One watched message: its subscribers and the last state published to them. */
    private static final class Watched {
        final List<Queued> subscribers = new CopyOnWriteArrayList<>();
        long sequence;
        MessageChange last;
    }

    /**
     * Creates the hub.
     *
     * @param reader        the current state of a message, empty when it is not stored
     * @param queueCapacity events a subscriber may have waiting before it is told it fell behind
     * @throws NullPointerException     when the reader is null
     * @throws IllegalArgumentException when the capacity is below 1
     */
    public SubscriptionHub(Function<String, Optional<StoredSummary>> reader, int queueCapacity) {
        this.reader = Checks.requireNonNull(reader, "reader");
        Checks.requireArgument(queueCapacity >= 1, "queueCapacity must be at least 1, was %d", queueCapacity);
        this.queueCapacity = queueCapacity;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "sentlog-subscriber-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.delivery = Executors.newCachedThreadPool(factory);
    }

    /**
     * Subscribes a listener to a message. Its first event is {@link MessageChange.Kind#CURRENT}: the
     * state now.
     *
     * @param messageId the message; the caller has checked that it exists and may be seen
     * @param listener  the listener
     * @return the subscription
     * @throws NullPointerException  when an argument is null
     * @throws IllegalStateException when the hub is closed, or the message is not stored
     */
    public Subscription subscribe(String messageId, ChangeListener listener) {
        Checks.requireNonNull(messageId, "messageId");
        Checks.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the log is closed: no subscription to message " + messageId);
        }
        Queued q = new Queued(messageId, listener);
        // added at once, so that a close of the entry's last other subscriber cannot drop the entry; it
        // takes events only from its first, read under the entry's lock like every publication
        Watched w = watched.compute(messageId, (k, old) -> {
            Watched entry = old == null ? new Watched() : old;
            entry.subscribers.add(q);
            return entry;
        });
        synchronized (w) {
            MessageChange now = publishIfChanged(messageId, w);
            if (now == null) {
                q.close();
                throw new IllegalStateException("message " + messageId + " is not stored");
            }
            q.start(now.as(MessageChange.Kind.CURRENT));
        }
        return q;
    }

    /**
     * Tells the hub that a message may have changed; publishes its new state when it has subscribers
     * and the state differs from the last published. Costs one map lookup when nobody subscribed.
     *
     * @param messageId the message, or {@link ChangeFeed#ANY_MESSAGE} for every watched message
     */
    public void changed(String messageId) {
        if (ChangeFeed.ANY_MESSAGE.equals(messageId)) {
            for (String id : watched.keySet()) {
                changed(id);
            }
            return;
        }
        Watched w = watched.get(messageId);
        if (w == null) {
            return;
        }
        synchronized (w) {
            publishIfChanged(messageId, w);
        }
    }

    /**
     * The current state of a message, numbered with the last sequence published for it (0 when no
     * change was published).
     *
     * @param messageId the message
     * @return the state, or empty when the message is not stored
     */
    public Optional<MessageChange> current(String messageId) {
        Watched w = watched.get(messageId);
        if (w == null) {
            return reader.apply(messageId).map(s -> new MessageChange(messageId, 0, MessageChange.Kind.CURRENT,
                    s.status(), s.summary()));
        }
        synchronized (w) {
            MessageChange now = publishIfChanged(messageId, w);
            return Optional.ofNullable(now).map(c -> c.as(MessageChange.Kind.CURRENT));
        }
    }

    /** Under the entry's lock: reads the state, publishes it when it changed; answers the newest state. */
    private MessageChange publishIfChanged(String messageId, Watched w) {
        Optional<StoredSummary> read = reader.apply(messageId);
        if (read.isEmpty()) {
            return w.last;
        }
        StoredSummary s = read.get();
        MessageChange candidate = new MessageChange(messageId, w.sequence, MessageChange.Kind.CHANGED, s.status(),
                s.summary());
        if (w.last == null) {
            w.last = candidate;
            return candidate;
        }
        if (candidate.sameState(w.last)) {
            return w.last;
        }
        w.sequence++;
        MessageChange published = new MessageChange(messageId, w.sequence, MessageChange.Kind.CHANGED, s.status(),
                s.summary());
        w.last = published;
        for (Queued q : w.subscribers) {
            q.offer(published);
        }
        return published;
    }

    /**
     * A store that tells this hub about every call that may have changed a message (insert, state
     * changes, device callbacks), after the call returned.
     *
     * @param store the store the log uses
     * @return the same store, watched
     */
    public MessageStore watching(MessageStore store) {
        return new WatchedStore(Checks.requireNonNull(store, "store"), this);
    }

    /** Ends every subscription and stops the delivery threads; closing twice does nothing. */
    @Override
    public void close() {
        closed = true;
        for (Watched w : watched.values()) {
            for (Queued q : w.subscribers) {
                q.close();
            }
        }
        watched.clear();
        delivery.shutdown();
    }

    /** One subscriber: its bounded queue, its overflow mark, and its one delivery task at a time. */
    private final class Queued implements Subscription {
        private final String messageId;
        private final ChangeListener listener;
        private final ArrayDeque<MessageChange> queue = new ArrayDeque<>();
        /** The newest state since the queue overflowed, or null. */
        private MessageChange overflow;
        private boolean scheduled;
        /** Whether the first event was queued: earlier publications are older than it and are not queued. */
        private boolean started;
        private volatile boolean open = true;

        Queued(String messageId, ChangeListener listener) {
            this.messageId = messageId;
            this.listener = listener;
        }

        synchronized void start(MessageChange first) {
            started = true;
            offer(first);
        }

        synchronized void offer(MessageChange change) {
            if (!open || !started) {
                return;
            }
            if (overflow != null) {
                overflow = change;
            } else if (queue.size() >= queueCapacity) {
                queue.clear();
                overflow = change;
            } else {
                queue.add(change);
            }
            if (!scheduled) {
                scheduled = true;
                try {
                    delivery.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    scheduled = false; // the hub is closing
                }
            }
        }

        private void drain() {
            while (true) {
                MessageChange next;
                synchronized (this) {
                    next = open ? queue.poll() : null;
                    if (next == null && open && overflow != null) {
                        next = overflow.as(MessageChange.Kind.OVERFLOW);
                        overflow = null;
                    }
                    if (next == null) {
                        scheduled = false;
                        return;
                    }
                }
                try {
                    listener.onChange(next);
                } catch (RuntimeException e) {
                    LOG.warn("a subscriber of message {} threw {} on change {}; it keeps its subscription", messageId,
                            e.getClass().getName(), next.sequence());
                }
            }
        }

        @Override
        public String messageId() {
            return messageId;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (!open) {
                    return;
                }
                open = false;
                queue.clear();
                overflow = null;
            }
            watched.computeIfPresent(messageId, (id, w) -> {
                w.subscribers.remove(this);
                return w.subscribers.isEmpty() ? null : w;
            });
        }
    }
}
