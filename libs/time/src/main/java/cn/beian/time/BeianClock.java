package cn.beian.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every Beian component reads. Tests and the local stack can move it forward (an offset on
 * top of the system clock) to exercise 45-day expiries and SLA deadlines; in production moving is disabled
 * and {@link #setOffset} refuses.
 *
 * <p>Besides the movable offset a clock may carry a fixed <em>shift</em>, set once at start: the test command runs
 * the whole suite a year or more ahead ({@code BEIAN_TEST_CLOCK_SHIFT=400d bin/test}) to prove that no test depends
 * on the day it runs. The offset moves relative to the shifted time, so a test that resets the offset to zero stays
 * in the shifted world. A production clock refuses a shift as it refuses an offset.
 */
public final class BeianClock extends Clock {

    /** Beian's business time zone: the administration works on Beijing time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock base;
    private final boolean adjustable;
    private final Duration shift;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public BeianClock(Clock base, boolean adjustable) {
        this(base, adjustable, Duration.ZERO);
    }

    /**
     * @param shift a fixed amount added to {@code base} for the clock's whole life
     * @throws IllegalStateException for a non-zero shift on a clock that is not adjustable (production)
     */
    public BeianClock(Clock base, boolean adjustable, Duration shift) {
        if (!adjustable && !shift.isZero()) {
            throw new IllegalStateException("The clock cannot be shifted here (shift " + shift + ")");
        }
        this.base = shift.isZero() ? base : Clock.offset(base, shift);
        this.adjustable = adjustable;
        this.shift = shift;
    }

    private BeianClock(BeianClock of, ZoneId zone) {
        this.base = of.base.withZone(zone);
        this.adjustable = of.adjustable;
        this.shift = of.shift;
        this.offset.set(of.offset.get());
    }

    /** A fixed-offset-free system clock in Beijing time that cannot be moved. */
    public static BeianClock system() {
        return new BeianClock(Clock.system(CHINA), false);
    }

    public boolean isAdjustable() {
        return adjustable;
    }

    public Duration offset() {
        return offset.get();
    }

    /** The fixed shift set at start (zero but in shifted test runs). */
    public Duration shift() {
        return shift;
    }

    /**
     * Moves the clock to {@code base + offset}.
     *
     * @throws IllegalStateException where the clock is not adjustable (production)
     */
    public void setOffset(Duration newOffset) {
        if (!adjustable) {
            throw new IllegalStateException("The clock cannot be moved here");
        }
        offset.set(newOffset);
    }

    /** Now, in Beijing time: the one way Beian's code asks for the time (tests move it; production cannot). */
    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(instant(), CHINA);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BeianClock(this, zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
