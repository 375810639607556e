package dev.sentlog.examples.web;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the web page is served and bounded (SPEC W1, W4).
 *
 * @param bind               the address the server listens on; 127.0.0.1 unless the operator says otherwise
 * @param port               the TCP port, 0 for any free one
 * @param maxBodyBytes       the largest request body accepted (forms are small); larger ones get 413
 * @param maxTargetLength    the longest request target (path and query) accepted; longer ones get 414
 * @param requestsPerMinute  requests one client address may make per minute; more get 429
 * @param sessionIdle        how long a session lives without a request
 * @param maxSessions        sessions kept at most; the least recently used goes first
 * @param threads            the threads serving requests
 */
public record WebSettings(InetAddress bind, int port, int maxBodyBytes, int maxTargetLength, int requestsPerMinute,
                          Duration sessionIdle, int maxSessions, int threads) {

    /**
     * Checks the settings.
     *
     * @throws NullPointerException     when the address or the idle time is null
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public WebSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxTargetLength, "maxTargetLength");
        positive(requestsPerMinute, "requestsPerMinute");
        positive(maxSessions, "maxSessions");
        positive(threads, "threads");
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("sessionIdle must be positive, not " + sessionIdle);
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    /**
     * The defaults: 127.0.0.1, port 8080, bodies up to 16 KiB, targets up to 4 KiB, 600 requests a
     * minute per client, sessions idle for 30 minutes, at most 1,000 sessions, 4 threads.
     *
     * @return the defaults
     */
    public static WebSettings defaults() {
        return new WebSettings(InetAddress.getLoopbackAddress(), 8080, 16 * 1024, 4 * 1024, 600,
                Duration.ofMinutes(30), 1_000, 4);
    }

    /**
     * These settings on another port.
     *
     * @param newPort the port, 0 for any free one
     * @return the settings
     */
    public WebSettings withPort(int newPort) {
        return new WebSettings(bind, newPort, maxBodyBytes, maxTargetLength, requestsPerMinute, sessionIdle,
                maxSessions, threads);
    }

    /**
     * These settings listening on another address.
     *
     * @param address the address
     * @return the settings
     */
    public WebSettings withBind(InetAddress address) {
        return new WebSettings(address, port, maxBodyBytes, maxTargetLength, requestsPerMinute, sessionIdle,
                maxSessions, threads);
    }

    /**
     * These settings with another request rate per client.
     *
     * @param perMinute requests per minute
     * @return the settings
     */
    public WebSettings withRequestsPerMinute(int perMinute) {
        return new WebSettings(bind, port, maxBodyBytes, maxTargetLength, perMinute, sessionIdle, maxSessions,
                threads);
    }
}
