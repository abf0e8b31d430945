package cn.beian.national.service;

import cn.beian.time.BeianClock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Business time at the database's precision (microseconds), so a view read back equals the one answered. */
final class StoredTime {

    private StoredTime() {
    }

    static OffsetDateTime now(BeianClock clock) {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }
}
