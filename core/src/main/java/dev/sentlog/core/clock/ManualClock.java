package dev.sentlog.core.clock;

import dev.sentlog.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock moved by hand, so that tests, demos and examples control time and run fast and
 * repeatably; a host passes {@link Clock#systemUTC()} instead. Its zone is UTC: Sentlog takes the
 * district's zone separately. Thread-safe.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    /**
     * A clock standing at an instant.
     *
     * @param start the first instant
     */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(Checks.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock forward (or back, for a negative duration).
     *
     * @param d how far
     */
    public void advance(Duration d) {
        Checks.requireNonNull(d, "duration");
        now.updateAndGet(t -> t.plus(d));
    }

    /**
     * Sets the clock.
     *
     * @param t the new instant
     */
    public void set(Instant t) {
        now.set(Checks.requireNonNull(t, "instant"));
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
