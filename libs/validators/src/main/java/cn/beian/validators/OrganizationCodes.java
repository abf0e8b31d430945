package cn.beian.validators;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 组织机构代码 (GB 11714-1997): 8 body characters (digits or upper-case letters) and a check character: weights
 * 3 7 9 10 5 8 4 2 over the body (letters count 10..35), check = 11 - sum mod 11, where 10 is {@code X} and 11 is
 * {@code 0}. Printed as {@code XXXXXXXX-C}; the hyphen is optional here. Since 2015 it is the 9th-17th characters of
 * the unified social credit code ({@link SocialCreditCodes}).
 */
public final class OrganizationCodes {

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final Pattern FORM = Pattern.compile("[0-9A-Z]{8}[0-9X]");

    private OrganizationCodes() {
    }

    /** The check character of an 8-character body; throws {@link IllegalArgumentException} on anything else. */
    public static char checkChar(String body8) {
        if (body8 == null || body8.length() != 8) {
            throw new IllegalArgumentException("need the 8 body characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += value(body8.charAt(i)) * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Stripped, upper-cased, the printed hyphen removed: {@code 12345678-x} becomes {@code 12345678X}. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String n = code.strip().toUpperCase(Locale.ROOT);
        return n.length() == 10 && n.charAt(8) == '-' ? n.substring(0, 8) + n.charAt(9) : n;
    }

    public static boolean isValid(String code) {
        return validate(code).isEmpty();
    }

    /** Format, then check character. */
    public static Optional<Problem> validate(String code) {
        String n = normalise(code);
        if (n == null || !FORM.matcher(n).matches()) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.organization-code-format",
                    "An organization code has 8 digits or capital letters and a check character (0-9 or X)");
        }
        if (checkChar(n.substring(0, 8)) != n.charAt(8)) {
            return Problem.of(Problem.CERTIFICATE_CHECK_DIGIT, "field.organization-code-check-digit",
                    "The organization code's check character does not match; please check every character");
        }
        return Optional.empty();
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not an organization code character: " + c);
    }
}
