package dev.sentlog.examples.web;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Bounds the request rate per client address (SPEC W4): at most a number of requests in each
 * minute of the clock (a fixed window). Counters of past minutes are dropped when the minute turns,
 * so memory stays bounded by the clients of one minute. Thread-safe.
 */
final class RequestRate {

    private final Clock clock;
    private final int perMinute;
    private final Map<InetAddress, Integer> counts = new HashMap<>();
    private long minute = Long.MIN_VALUE;

    RequestRate(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts a request; false when the client has used up this minute's requests. */
    synchronized boolean admit(InetAddress client) {
        long now = Math.floorDiv(clock.millis(), 60_000L);
        if (now != minute) {
            minute = now;
            counts.clear();
        }
        int used = counts.merge(client, 1, Integer::sum);
        return used <= perMinute;
    }

    /** Seconds until the next minute begins, for Retry-After. */
    long secondsToNextMinute() {
        return 60 - Math.floorMod(clock.millis() / 1000L, 60L);
    }
}
