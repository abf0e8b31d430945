package cn.beian.platform.time;

import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import cn.beian.time.Durations;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock and business calendar of a service. */
public class ClockProducer {

    /**
     * @param adjustable whether tests and operators may move the clock (never in production)
     * @param shift      a fixed shift for the clock's whole life ({@code BEIAN_CLOCK_SHIFT}, e.g. {@code 400d}): the
     *                   test command's way of running everything on another day; refused where not adjustable
     */
    @Produces
    @Singleton
    BeianClock clock(@ConfigProperty(name = "beian.clock.adjustable") boolean adjustable,
            @ConfigProperty(name = "beian.clock.shift") String shift) {
        return new BeianClock(Clock.system(BeianClock.CHINA), adjustable, Durations.parse(shift));
    }

    @Produces
    @Singleton
    BusinessCalendar calendar() {
        return BusinessCalendar.china();
    }
}
