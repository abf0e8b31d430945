package cn.beian.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.china();

    @Test
    void weekendsAreNotBusinessDays() {
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 11, 21)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 11, 22)));
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 11, 23)));
    }

    @Test
    void holidaysAndSwappedWorkdaysComeFromData() {
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 10, 1)), "National Day (a Thursday)");
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 10, 10)), "a Saturday worked in exchange");
    }

    @Test
    void oneBusinessDayAfterFridayEveningIsMondayEvening() {
        ZonedDateTime friday = ZonedDateTime.of(2026, 11, 20, 18, 0, 0, 0, BeianClock.CHINA);
        assertEquals(friday.plusDays(3), calendar.plusBusinessDays(friday, 1));
    }

    @Test
    void twentyBusinessDaysSkipTheNationalDayWeek() {
        ZonedDateTime start = ZonedDateTime.of(2026, 9, 28, 9, 0, 0, 0, BeianClock.CHINA);
        ZonedDateTime due = calendar.plusBusinessDays(start, 20);
        assertEquals(20, calendar.businessDaysBetween(start.toLocalDate(), due.toLocalDate()));
        assertEquals(LocalDate.of(2026, 10, 30), due.toLocalDate());
    }

    @Test
    void rejectsMalformedData() {
        byte[] bad = "2026-01-01,MAYBE\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> BusinessCalendar.parse(new ByteArrayInputStream(bad)));
    }
}
