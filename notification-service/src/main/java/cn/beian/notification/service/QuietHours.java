package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import cn.beian.time.BeianClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Quiet hours in Beijing time (default 21:00–08:00): non-urgent SMS wait until they end. */
@ApplicationScoped
public class QuietHours {

    private final NotificationConfig config;

    public QuietHours(NotificationConfig config) {
        this.config = config;
    }

    public boolean holds(OffsetDateTime now) {
        if (!config.quietHours().enabled()) {
            return false;
        }
        LocalTime t = now.atZoneSameInstant(BeianClock.CHINA).toLocalTime();
        LocalTime start = config.quietHours().start();
        LocalTime end = config.quietHours().end();
        return start.isAfter(end) ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }

    /** When the quiet hours that hold at {@code now} end. */
    public OffsetDateTime end(OffsetDateTime now) {
        ZonedDateTime local = now.atZoneSameInstant(BeianClock.CHINA);
        ZonedDateTime end = local.with(config.quietHours().end());
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime();
    }
}
