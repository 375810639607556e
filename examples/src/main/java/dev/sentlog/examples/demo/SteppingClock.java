package dev.sentlog.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock moved forward by hand, so a demo or an example runs fast and repeatably; a host passes
 * {@link Clock#systemUTC()} instead. Its zone is UTC (Sentlog takes the district's zone
 * separately). Thread-safe.
 */
public final class SteppingClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * A clock standing at an instant.
     *
     * @param start the first instant
     */
    public SteppingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * Moves the clock forward.
     *
     * @param d how far
     */
    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
