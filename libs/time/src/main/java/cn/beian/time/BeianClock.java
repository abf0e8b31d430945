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
 */
public final class BeianClock extends Clock {

    /** Beian's business time zone: the administration works on Beijing time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock base;
    private final boolean adjustable;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public BeianClock(Clock base, boolean adjustable) {
        this.base = base;
        this.adjustable = adjustable;
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

    public OffsetDateTime nowInChina() {
        return OffsetDateTime.ofInstant(instant(), CHINA);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        BeianClock c = new BeianClock(base.withZone(zone), adjustable);
        c.offset.set(offset.get());
        return c;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
