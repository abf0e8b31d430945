package cn.beian.platform.http;

import java.util.regex.Pattern;

/**
 * A tolerant reading of {@code Accept-Language} (RFC 9110 §12.5.4) that never throws: a header that is not a
 * well-formed list of language ranges with q-values from 0 to 1 counts as absent, so the answer falls back to
 * zh-CN instead of failing. {@link EdgeRoute} drops such a header before anything else reads it.
 */
public final class AcceptLanguages {

    /** More than this is not a language preference but an attack or a bug; treated as absent. */
    static final int MAX_LENGTH = 256;
    private static final Pattern RANGE = Pattern.compile("(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\\*)");
    private static final Pattern WEIGHT = Pattern.compile("[qQ]=(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?)");

    private AcceptLanguages() {
    }

    /** Whether the header is well formed (null and blank count as well formed: nothing asked for). */
    public static boolean isValid(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        if (header.length() > MAX_LENGTH) {
            return false;
        }
        for (String element : header.split(",", -1)) {
            String e = element.strip();
            if (e.isEmpty()) {
                continue; // RFC 9110 §5.6.1: empty list elements are allowed and ignored
            }
            String[] parts = e.split(";", -1);
            if (!RANGE.matcher(parts[0].strip()).matches()) {
                return false;
            }
            if (parts.length > 2 || parts.length == 2 && !WEIGHT.matcher(parts[1].strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether English is preferred: the range with the highest q-value (the first among equals) is {@code en} or
     * {@code en-*}. Anything else, a malformed header included, means zh-CN.
     */
    public static boolean english(String header) {
        if (header == null || !isValid(header)) {
            return false;
        }
        String best = null;
        double bestQ = 0;
        for (String element : header.split(",")) {
            String e = element.strip();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split(";");
            double q = parts.length == 2 ? Double.parseDouble(parts[1].strip().substring(2)) : 1.0;
            if (q > bestQ) {
                bestQ = q;
                best = parts[0].strip();
            }
        }
        return best != null && (best.equalsIgnoreCase("en") || best.regionMatches(true, 0, "en-", 0, 3));
    }
}
