package cn.beian.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations operators and scripts write: ISO-8601 ({@code P400D}, {@code PT36H}) or short ({@code 400d}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(-?\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @param text {@code P…} ISO-8601, or a whole number followed by {@code ms}, {@code s}, {@code m}, {@code h} or
     *             {@code d}; blank means zero
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(t.toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (write e.g. 400d, 36h or P400D)", e);
        }
    }
}
