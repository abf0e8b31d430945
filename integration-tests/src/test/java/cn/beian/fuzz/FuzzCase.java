package cn.beian.fuzz;

import cn.beian.fuzz.FuzzConfig.Check;
import cn.beian.fuzz.OpenApi.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the corpus: a valid request of {@code op} with exactly one thing changed ({@code kind} says what,
 * {@code description} how), and what its answer must not be.
 *
 * @param actor      whose token: {@code a} (the owner), {@code b} (another applicant), {@code reviewer},
 *                   {@code authority}, {@code admin}, {@code gateway}, or {@code none}
 * @param auth       a raw Authorization header that replaces the actor's (forged tokens), or null
 * @param path       path parameter → raw (already percent-encoded) value
 * @param query      raw query string (already encoded), or empty
 * @param headers    extra headers; the value {@code {etag}} stands for the resource's current ETag
 * @param body       raw bytes, or null for none
 * @param chunked    send the body with Transfer-Encoding: chunked instead of Content-Length
 * @param field      the body field this case changes (a JSON path), when the answer could name it
 * @param refuse     the check violated if this request is accepted (2xx), or null
 * @param cross      another account's ids: anything but 404/403 is a failure
 * @param preflight  a request sent first (the first use of an Idempotency-Key), or null
 */
record FuzzCase(String id, Operation op, String kind, String description, String actor, String auth,
        Map<String, String> path, String query, Map<String, String> headers, byte[] body, boolean chunked,
        String field, Check refuse, boolean cross, FuzzCase preflight) {

    FuzzCase withId(String newId) {
        return new FuzzCase(newId, op, kind, description, actor, auth, path, query, headers, body, chunked, field,
                refuse, cross, preflight);
    }

    String url() {
        String p = op.path();
        for (Map.Entry<String, String> e : path.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return op.base() + p + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** A reproducible rendering of the request (body escaped and cut to 400 characters). */
    String render() {
        StringBuilder s = new StringBuilder();
        s.append(op.method()).append(' ').append(url()).append('\n');
        s.append("Authorization: ").append(auth != null ? cut(auth, 80) : actor.equals("none") ? "(none)"
                : "Bearer <token of " + actor + ">").append('\n');
        for (Map.Entry<String, String> h : new LinkedHashMap<>(headers).entrySet()) {
            String v = h.getValue().equals("{etag}") ? "<the resource's current ETag>" : cut(h.getValue(), 200);
            s.append(h.getKey()).append(": ").append(v).append('\n');
        }
        if (body != null) {
            s.append(chunked ? "Transfer-Encoding: chunked\n" : "Content-Length: " + body.length + "\n");
            s.append('\n').append(escape(body, 400));
        }
        return s.toString();
    }

    static String cut(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max) + "… (" + v.length() + " chars)";
    }

    /** Printable ASCII and well-formed UTF-8 as is; everything else as \xNN; long bodies cut. */
    static String escape(byte[] bytes, int max) {
        StringBuilder s = new StringBuilder();
        int n = Math.min(bytes.length, max);
        int i = 0;
        while (i < n) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                s.append((char) b);
                i++;
                continue;
            }
            int len = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
            if (b < 0xf5 && len > 0 && i + len <= bytes.length && valid(bytes, i, len)) {
                String ch = new String(bytes, i, len, StandardCharsets.UTF_8);
                int cp = ch.codePointAt(0);
                if (Character.getType(cp) == Character.FORMAT || cp == 0xfeff) {
                    s.append(String.format("\\u%04x", cp));
                } else {
                    s.append(ch);
                }
                i += len;
            } else if (b == '\n') {
                s.append("\\n");
                i++;
            } else {
                s.append(String.format("\\x%02x", b));
                i++;
            }
        }
        if (bytes.length > max) {
            s.append("… (").append(bytes.length).append(" bytes in all)");
        }
        return s.toString();
    }

    private static boolean valid(byte[] b, int at, int len) {
        for (int k = 1; k < len; k++) {
            if ((b[at + k] & 0xc0) != 0x80) {
                return false;
            }
        }
        if (len == 3 && (b[at] & 0xff) == 0xe0 && (b[at + 1] & 0xff) < 0xa0) {
            return false;
        }
        if (len == 3 && (b[at] & 0xff) == 0xed && (b[at + 1] & 0xff) >= 0xa0) {
            return false;
        }
        return !(len == 4 && (b[at] & 0xff) == 0xf0 && (b[at + 1] & 0xff) < 0x90);
    }
}
