package cn.beian.platform.time;

import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock and business calendar of a service. */
public class ClockProducer {

    @Produces
    @Singleton
    BeianClock clock(@ConfigProperty(name = "beian.clock.adjustable") boolean adjustable) {
        return new BeianClock(Clock.system(BeianClock.CHINA), adjustable);
    }

    @Produces
    @Singleton
    BusinessCalendar calendar() {
        return BusinessCalendar.china();
    }
}
