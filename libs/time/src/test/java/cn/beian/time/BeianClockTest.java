package cn.beian.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BeianClockTest {

    private final Clock fixed = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void movesForwardWhenAdjustable() {
        BeianClock clock = new BeianClock(fixed, true);
        clock.setOffset(Duration.ofDays(45));
        assertEquals(Instant.parse("2027-01-07T01:00:00Z"), clock.instant());
    }

    @Test
    void refusesToMoveInProduction() {
        BeianClock clock = new BeianClock(fixed, false);
        assertThrows(IllegalStateException.class, () -> clock.setOffset(Duration.ofDays(1)));
        assertEquals(fixed.instant(), clock.instant());
    }

    @Test
    void aShiftedClockMovesRelativeToItsShift() {
        BeianClock clock = new BeianClock(fixed, true, Duration.ofDays(400));
        assertEquals(fixed.instant().plus(Duration.ofDays(400)), clock.instant());
        clock.setOffset(Duration.ofDays(45));
        assertEquals(fixed.instant().plus(Duration.ofDays(445)), clock.instant());
        clock.setOffset(Duration.ZERO);
        assertEquals(fixed.instant().plus(Duration.ofDays(400)), clock.instant());
        BeianClock utc = (BeianClock) clock.withZone(ZoneOffset.UTC);
        assertEquals(clock.instant(), utc.instant());
        assertEquals(Duration.ofDays(400), utc.shift());
    }

    @Test
    void refusesAShiftInProduction() {
        assertThrows(IllegalStateException.class, () -> new BeianClock(fixed, false, Duration.ofDays(1)));
    }

    @Test
    void readsShortAndIsoDurations() {
        assertEquals(Duration.ofDays(400), Durations.parse("400d"));
        assertEquals(Duration.ofDays(400), Durations.parse("P400D"));
        assertEquals(Duration.ofHours(-36), Durations.parse("-36h"));
        assertEquals(Duration.ZERO, Durations.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("a year"));
    }
}
