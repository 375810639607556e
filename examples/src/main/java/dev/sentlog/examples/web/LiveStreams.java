package dev.sentlog.examples.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open event streams of a server (SPEC E4, W2) and the threads that write them: at most
 * {@link LiveSettings#maxStreams()} at once, {@link LiveSettings#maxStreamsPerSession()} per session.
 * A stream runs on a thread of its own, never on one of the threads serving pages, so open pages
 * never hold up other requests. Thread-safe.
 */
final class LiveStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    /** Whether a new stream may open. */
    enum Admission {
        /** Admitted: a slot is held until the stream ends or is abandoned. */
        ADMITTED,
        /** The session has its most streams open (429). */
        SESSION_FULL,
        /** The server has its most streams open (503). */
        SERVER_FULL
    }

    private final LiveSettings settings;
    private final Map<String, Integer> perSession = new HashMap<>();
    private final ExecutorService threads;
    private int open;

    LiveStreams(LiveSettings settings) {
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        // admission keeps the running streams within maxStreams, so the pool never has to refuse one
        this.threads = new ThreadPoolExecutor(0, settings.maxStreams(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sentlog-web-events-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes a slot for a session's new stream, or says why not. */
    synchronized Admission admit(String sessionId) {
        if (open >= settings.maxStreams()) {
            return Admission.SERVER_FULL;
        }
        int ofSession = perSession.getOrDefault(sessionId, 0);
        if (ofSession >= settings.maxStreamsPerSession()) {
            return Admission.SESSION_FULL;
        }
        perSession.put(sessionId, ofSession + 1);
        open++;
        return Admission.ADMITTED;
    }

    /** Gives a session's slot back. */
    synchronized void release(String sessionId) {
        perSession.computeIfPresent(sessionId, (k, n) -> n == 1 ? null : n - 1);
        open--;
        notifyAll();
    }

    /** The streams open now (slots held). */
    synchronized int open() {
        return open;
    }

    /**
     * Waits until at most {@code n} streams are open, for a while at most: for tests that a page that
     * went away leaves nothing behind.
     *
     * @return whether at most {@code n} are open
     */
    synchronized boolean awaitOpenAtMost(int n, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (open > n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * The body of an admitted stream: written on a stream thread once the headers are sent; the slot
     * and the subscription are freed when it ends or is abandoned.
     */
    Response.Detached body(String sessionId, EventStream stream) {
        return new Response.Detached() {
            @Override
            public void start(OutputStream out, Runnable done) {
                try {
                    threads.execute(() -> run(sessionId, stream, out, done));
                } catch (RejectedExecutionException e) {
                    // the server is closing
                    end(sessionId, stream, done);
                }
            }

            @Override
            public void abandon() {
                stream.close();
                release(sessionId);
            }
        };
    }

    private void run(String sessionId, EventStream stream, OutputStream out, Runnable done) {
        try {
            stream.writeTo(out);
        } catch (IOException e) {
            LOG.debug("web: an event stream's client went away ({})", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("web: an event stream ended with {}", e.getClass().getName());
        } finally {
            end(sessionId, stream, done);
        }
    }

    private void end(String sessionId, EventStream stream, Runnable done) {
        try {
            stream.close();
            done.run();
        } finally {
            release(sessionId);
        }
    }

    /** Ends every stream: their threads are interrupted, and each closes its subscription and exchange. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
