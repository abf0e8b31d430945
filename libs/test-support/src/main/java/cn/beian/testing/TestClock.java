package cn.beian.testing;

import cn.beian.time.BeianClock;
import cn.beian.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time a test lives in. Every timestamp a test puts into an event or a request comes from here (or from the
 * service's injected {@link BeianClock}), never from a literal date: a literal date is right on the day it was
 * written and wrong some weeks later, when "179 days after" has become "181 days after".
 *
 * <p>The services run with the same shift ({@code BEIAN_CLOCK_SHIFT}, which {@code bin/test} sets from
 * {@code BEIAN_TEST_CLOCK_SHIFT}), so "now" here is "now" for them, whichever day the suite runs on and however far
 * it is shifted. A test that moves a service's clock further ({@code setOffset}, {@code PUT /api/v1/admin/clock})
 * adds that offset itself: {@code TestClock.now().plus(offset)}.
 */
public final class TestClock {

    /** The variable every JVM of a test run reads: the services' clock producer and this class. */
    public static final String SHIFT_VARIABLE = "BEIAN_CLOCK_SHIFT";

    private static final Duration SHIFT = Durations.parse(System.getenv(SHIFT_VARIABLE));
    private static final Clock CLOCK = Clock.offset(Clock.system(BeianClock.CHINA), SHIFT);

    private TestClock() {
    }

    /** The shift of this run: zero, or what {@code BEIAN_TEST_CLOCK_SHIFT} asked for. */
    public static Duration shift() {
        return SHIFT;
    }

    /** A clock the tests may hand to code under test: real time plus the run's shift, in Beijing time. */
    public static Clock clock() {
        return CLOCK;
    }

    /** Now, in Beijing time, to the millisecond (what PostgreSQL and JSON keep round-trip unchanged). */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(CLOCK).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today in Beijing. */
    public static LocalDate today() {
        return now().toLocalDate();
    }

    /** Now plus {@code amount} (negative for the past), as an ISO-8601 timestamp with offset for a JSON payload. */
    public static String iso(Duration amount) {
        return now().plus(amount).toString();
    }

    /** Now as an ISO-8601 timestamp with offset. */
    public static String isoNow() {
        return now().toString();
    }

    /** {@code days} from today (negative for the past) as {@code YYYY-MM-DD}. */
    public static String date(long days) {
        return today().plusDays(days).toString();
    }
}
