package cn.beian.contract.privacy;

/**
 * How personal data is shown to anyone but its owner and the reviewer of its case, and in logs:
 * {@code 110101********0011}, {@code 138****0013}, {@code a***@example.com}, {@code 张*}.
 */
public final class Masking {

    private Masking() {
    }

    /** Certificate numbers: the first six and last four characters stay (fewer for short numbers). */
    public static String certificateNumber(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int n = value.length();
        if (n >= 14) {
            return keep(value, 6, 4);
        }
        if (n >= 6) {
            return keep(value, 2, 2);
        }
        return "*".repeat(n);
    }

    /** Mobile numbers: {@code 138****0013}; a leading {@code +86} is kept. */
    public static String mobile(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String prefix = "";
        String digits = value;
        if (value.startsWith("+86")) {
            prefix = "+86";
            digits = value.substring(3);
        }
        if (digits.length() < 7) {
            return prefix + "*".repeat(digits.length());
        }
        return prefix + keep(digits, 3, 4);
    }

    /** E-mail addresses: the first character of the local part and the domain stay. */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** A person's name: the first character stays ({@code 张*}, {@code 欧阳**}→{@code 欧***}). */
    public static String personName(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int first = value.offsetByCodePoints(0, 1);
        int rest = value.codePointCount(first, value.length());
        return value.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }

    /** A secret such as an authorization code (备案授权码): only its last four characters stay. */
    public static String secret(String value) {
        if (value == null) {
            return null;
        }
        int hidden = Math.max(value.length() - 4, 0);
        return "*".repeat(hidden) + value.substring(hidden);
    }

    private static String keep(String value, int head, int tail) {
        int n = value.length();
        return value.substring(0, head) + "*".repeat(n - head - tail) + value.substring(n - tail);
    }
}
