package dev.sentlog.spi.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: the compatibility kit hands one to the provider
 * under test and advances it to make the provider progress. Thread-safe; clocks made with
 * {@link #withZone(ZoneId)} share the same time.
 */
public final class KitClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * A clock at the given instant, in UTC.
     *
     * @param start the first instant
     */
    public KitClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private KitClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far; not negative
     * @return the new instant
     * @throws IllegalArgumentException when the duration is negative
     */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a KitClock only moves forward, not by " + duration);
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new KitClock(now, Objects.requireNonNull(newZone, "zone"));
    }
}
