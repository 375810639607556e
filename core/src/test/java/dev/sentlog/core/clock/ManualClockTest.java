package dev.sentlog.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant START = Instant.parse("2026-01-12T13:55:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void withZone_givesTheOtherZone_andSharesTheInstant() {
        ManualClock clock = new ManualClock(START);

        Clock chicago = clock.withZone(CHICAGO);

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(chicago.getZone()).isEqualTo(CHICAGO);
        assertThat(chicago.instant()).isEqualTo(START);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(chicago.withZone(ZoneOffset.UTC).getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Property(tries = 50)
    @Label("Clock contract: moving either clock moves the clock derived by withZone, and back")
    void movingEitherMovesBoth(@ForAll @LongRange(min = -100_000, max = 100_000) long seconds,
                               @ForAll @LongRange(min = -100_000, max = 100_000) long more) {
        ManualClock clock = new ManualClock(START);
        ManualClock chicago = clock.withZone(CHICAGO);

        clock.advance(Duration.ofSeconds(seconds));
        assertThat(chicago.instant()).isEqualTo(START.plusSeconds(seconds));

        chicago.advance(Duration.ofSeconds(more));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(seconds + more));
        assertThat(clock.millis()).isEqualTo(chicago.millis());
    }
}
