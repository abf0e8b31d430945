package cn.beian.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Mainland China's working days: Monday to Friday, minus public holidays, plus the weekend days that are
 * worked in exchange (调休). Holidays are data ({@code holidays-cn.csv}, one {@code date,HOLIDAY|WORKDAY,name}
 * line each) so operations can add next year's schedule when the State Council publishes it.
 */
public final class BusinessCalendar {

    private static final String DEFAULT_DATA = "/cn/beian/time/holidays-cn.csv";

    private final Map<LocalDate, Boolean> overrides;

    private BusinessCalendar(Map<LocalDate, Boolean> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The calendar shipped with Beian. */
    public static BusinessCalendar china() {
        try (InputStream in = BusinessCalendar.class.getResourceAsStream(DEFAULT_DATA)) {
            return parse(Objects.requireNonNull(in, DEFAULT_DATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code date,HOLIDAY|WORKDAY[,name]} lines; blank lines and {@code #} comments are skipped. */
    public static BusinessCalendar parse(InputStream csv) throws IOException {
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                if (f.length < 2) {
                    throw new IllegalArgumentException("line " + n + ": expected date,HOLIDAY|WORKDAY");
                }
                boolean working = switch (f[1].strip()) {
                    case "HOLIDAY" -> false;
                    case "WORKDAY" -> true;
                    default -> throw new IllegalArgumentException("line " + n + ": unknown kind " + f[1]);
                };
                overrides.put(LocalDate.parse(f[0].strip()), working);
            }
        }
        return new BusinessCalendar(overrides);
    }

    public boolean isBusinessDay(LocalDate date) {
        Boolean override = overrides.get(date);
        if (override != null) {
            return override;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The moment {@code days} business days after {@code start}, at the same time of day: a review due
     * "within 1 business day" of a Friday-evening submission is due on Monday evening.
     */
    public ZonedDateTime plusBusinessDays(ZonedDateTime start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        ZonedDateTime t = start;
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (isBusinessDay(t.toLocalDate())) {
                left--;
            }
        }
        return t;
    }

    /** Business days in {@code (from, to]}: how many working days have passed since {@code from}. */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                count++;
            }
        }
        return count;
    }
}
