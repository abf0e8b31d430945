package cn.beian.platform.rest;

import cn.beian.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A keyset position in a list ordered by (time, id): stable under inserts, unlike offsets. Encoded as an
 * opaque base64url string; a tampered cursor is a 400 on the {@code cursor} parameter.
 */
public record Cursor(OffsetDateTime at, String id) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public String encode() {
        String raw = at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position's id as a number, for lists keyed by a sequence (an order's history); {@code 0} before the first
     * page ({@code cursor} null). A cursor whose id is not one is refused like any damaged cursor.
     */
    public static long sequenceAfter(Cursor cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(cursor.id());
        } catch (NumberFormatException e) {
            throw damaged();
        }
    }

    private static ProblemException damaged() {
        return ProblemException.invalid("cursor", "INVALID_CURSOR", "Unknown or damaged cursor");
    }

    /** Decodes {@code ?cursor=}; {@code null} or blank means the first page. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException();
            }
            return new Cursor(OffsetDateTime.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw damaged();
        }
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that a next page exists.
     */
    public static <E, V> Page<V> page(List<E> fetched, int limit, Function<E, Cursor> position,
            Function<E, V> view) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? position.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
