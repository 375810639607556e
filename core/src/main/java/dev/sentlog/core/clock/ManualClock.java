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
 * repeatably; a host passes {@link Clock#systemUTC()} instead. A new clock's zone is UTC (Sentlog
 * takes the district's zone separately); {@link #withZone} gives a view in another zone on the same
 * instant. Thread-safe.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * A clock in UTC standing at an instant.
     *
     * @param start the first instant
     */
    public ManualClock(Instant start) {
        this(new AtomicReference<>(Checks.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
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
        return zone;
    }

    /**
     * The same clock seen in another zone: it shares this clock's instant, so moving either moves
     * both (as {@link Clock#withZone} requires of a copy).
     *
     * @param otherZone the zone of the copy
     * @return a clock in {@code otherZone} on this clock's instant source
     */
    @Override
    public ManualClock withZone(ZoneId otherZone) {
        Checks.requireNonNull(otherZone, "zone");
        return otherZone.equals(zone) ? this : new ManualClock(now, otherZone);
    }
}
