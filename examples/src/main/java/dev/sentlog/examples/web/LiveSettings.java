package dev.sentlog.examples.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How the message page's live figures are served (SPEC E4, W2): the server-sent event streams of
 * {@code /messages/{id}/events}, each one open page watching an In-Progress or Waiting message.
 *
 * <p>Each open stream holds one subscription of the log and one thread of the server's own, apart
 * from the threads serving pages ({@link WebSettings#threads()}), so the bounds below are also the
 * bounds of those threads.
 *
 * @param maxStreams           streams open at once on the server; one more is refused with 503
 * @param maxStreamsPerSession streams open at once for one browser session; one more is refused with 429
 * @param heartbeat            how long a stream stays silent before it sends a comment line, so that
 *                             proxies keep it open and a client that went away is noticed
 * @param queuedEvents         events waiting for a slow client at most; beyond, the waiting ones are
 *                             dropped and the client is sent the state now (E4's overflow)
 */
public record LiveSettings(int maxStreams, int maxStreamsPerSession, Duration heartbeat, int queuedEvents) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     when the heartbeat is null
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public LiveSettings {
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be at least 1, not " + maxStreams);
        }
        if (maxStreamsPerSession < 1 || maxStreamsPerSession > maxStreams) {
            throw new IllegalArgumentException("maxStreamsPerSession must be 1 to maxStreams (" + maxStreams + "), not "
                    + maxStreamsPerSession);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, not " + heartbeat);
        }
        if (queuedEvents < 1) {
            throw new IllegalArgumentException("queuedEvents must be at least 1, not " + queuedEvents);
        }
    }

    /**
     * The defaults: 64 streams on the server, 4 per session, a heartbeat every 15 seconds, 64 events
     * waiting at most.
     *
     * @return the defaults
     */
    public static LiveSettings defaults() {
        return new LiveSettings(64, 4, Duration.ofSeconds(15), 64);
    }
}
