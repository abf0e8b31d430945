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
}
