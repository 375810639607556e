package dev.sentlog.examples.web;

import dev.sentlog.core.live.ChangeListener;
import dev.sentlog.core.live.MessageChange;
import dev.sentlog.core.live.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One open stream of a message's changes to one page, as server-sent events (SPEC E4, W2).
 *
 * <p>The log's delivery thread only queues each event ({@link #onChange}), never waiting on the
 * client. One writer thread ({@link #writeTo}) sends them: an event per change, named after its kind
 * ({@code current}, {@code changed}, {@code overflow}), its id the change's sequence and its data one
 * line the page's script reads; a comment line after each silent {@code heartbeat}. When the client
 * is slower than the changes and {@code capacity} events wait, or the log says the subscription fell
 * behind, the waiting events are dropped and the client is sent the state now instead, as an
 * {@code overflow} event. An event no newer than the last one sent is skipped. The stream ends once it
 * has sent a final status, when the client goes away (a write fails) or when the writer is
 * interrupted; it then closes its subscription.
 */
final class EventStream implements ChangeListener {

    private final Supplier<MessageChange> current;
    private final Function<MessageChange, String> data;
    private final Duration heartbeat;
    private final int capacity;
    private final BlockingQueue<MessageChange> queue;
    private volatile Subscription subscription;

    /**
     * A stream.
     *
     * @param current   reads the message's state now (after an overflow)
     * @param data      an event's data, one line
     * @param heartbeat the longest silence
     * @param capacity  events waiting at most
     */
    EventStream(Supplier<MessageChange> current, Function<MessageChange, String> data, Duration heartbeat, int capacity) {
        this.current = Objects.requireNonNull(current, "current");
        this.data = Objects.requireNonNull(data, "data");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>(capacity + 1);
    }

    /** The subscription this stream closes when it ends. */
    void attach(Subscription s) {
        this.subscription = Objects.requireNonNull(s, "subscription");
    }

    /** Queues an event; on the log's delivery thread, one call at a time. */
    @Override
    public void onChange(MessageChange change) {
        if (change.kind() == MessageChange.Kind.OVERFLOW || queue.size() >= capacity) {
            // the writer reads the state now when it takes this marker
            queue.clear();
            queue.add(new MessageChange(change.messageId(), change.sequence(), MessageChange.Kind.OVERFLOW,
                    change.status(), change.summary()));
            return;
        }
        queue.add(change);
    }

    /**
     * Sends the events until the stream ends, then closes the subscription.
     *
     * @param out the response body; not closed here
     * @throws IOException when the client went away
     */
    void writeTo(OutputStream out) throws IOException {
        try {
            long lastSent = -1;
            while (true) {
                MessageChange next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    send(out, ": heartbeat\n\n");
                    continue;
                }
                MessageChange shown = next.kind() == MessageChange.Kind.OVERFLOW ? overflow() : next;
                if (shown.sequence() <= lastSent) {
                    continue;
                }
                lastSent = shown.sequence();
                send(out, "id: " + shown.sequence() + "\nevent: " + shown.kind().name().toLowerCase(Locale.ROOT)
                        + "\ndata: " + data.apply(shown) + "\n\n");
                if (shown.status().isFinal()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** The state now, as an overflow event. */
    private MessageChange overflow() {
        MessageChange now = current.get();
        return new MessageChange(now.messageId(), now.sequence(), MessageChange.Kind.OVERFLOW, now.status(), now.summary());
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Closes the subscription (also when the stream never started); closing twice does nothing. */
    void close() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
