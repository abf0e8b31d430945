package cn.beian.validators;

import cn.beian.contract.domain.Province;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 统一社会信用代码 (GB 32100-2015), 18 characters over {@value #ALPHABET} (no I, O, S, V, Z):
 * <ol>
 * <li>registering authority (1 机构编制, 5 民政, 9 市场监管, A, N, Y …) and 2. unit kind;</li>
 * <li value="3">3-8: the registering region (GB/T 2260, 6 digits; the first two name the province);</li>
 * <li value="9">9-17: the unit's organization code (GB 11714, with its own check character);</li>
 * <li value="18">18: the check character: weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 over the
 * symbols' positions in the alphabet, check = 31 - sum mod 31 (31 becomes 0).</li>
 * </ol>
 * Before 2015 units held a 9-character organization code and, for businesses, a 15-digit registration number
 * (注册号); both are recognised as old style.
 */
public final class SocialCreditCodes {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String AUTHORITIES = "123456789ANY";
    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{2}[0-9]{6}[" + ALPHABET + "]{10}");
    private static final Pattern OLD_REGISTRATION_NUMBER = Pattern.compile("[0-9]{15}");

    private SocialCreditCodes() {
    }

    /** The check character of the first 17 characters; throws {@link IllegalArgumentException} on anything else. */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a code character at " + i + ": " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        return validate(code).isEmpty();
    }

    /**
     * Old style (a 9-character organization code or a 15-digit registration number), format (incl. the authority
     * character), the check character, then the embedded organization code's check.
     */
    public static Optional<Problem> validate(String code) {
        String n = normalise(code);
        if (n == null || n.isEmpty()) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.credit-code-length",
                    "A unified social credit code has 18 characters");
        }
        if (isOldStyle(n)) {
            return n.length() == 15
                    ? Problem.of(Problem.CERTIFICATE_OLD_STYLE, "field.credit-code-old-registration-number",
                            "This is an old 15-digit registration number; use the 18-character unified social credit code")
                    : Problem.of(Problem.CERTIFICATE_OLD_STYLE, "field.credit-code-old-organization-code",
                            "This is an old organization code; use the 18-character unified social credit code");
        }
        if (!FORM.matcher(n).matches() || AUTHORITIES.indexOf(n.charAt(0)) < 0) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.credit-code-format", "A unified social credit code has 18 "
                    + "digits or capital "
                    + "letters (no I, O, S, V or Z), with a 6-digit region code in characters 3-8");
        }
        if (checkChar(n.substring(0, 17)) != n.charAt(17)) {
            return Problem.of(Problem.CERTIFICATE_CHECK_DIGIT, "field.credit-code-check-digit",
                    "The unified social credit code's check character does not match; please check every character");
        }
        if (!OrganizationCodes.isValid(organizationCode(n))) {
            return Problem.of(Problem.CERTIFICATE_CHECK_DIGIT, "field.credit-code-organization-code",
                    "The organization code inside the unified social credit code (characters 9-17) does not check");
        }
        return Optional.empty();
    }

    /**
     * An old-style unit number: a valid 9-character organization code (with or without its hyphen), or a 15-digit
     * business registration number.
     */
    public static boolean isOldStyle(String code) {
        String n = normalise(code);
        if (n == null) {
            return false;
        }
        return OLD_REGISTRATION_NUMBER.matcher(n).matches() || OrganizationCodes.isValid(n);
    }

    /** Characters 9-17: the organization code; throws {@link IllegalArgumentException} if not 18 characters. */
    public static String organizationCode(String code) {
        String n = normalise(code);
        if (n == null || n.length() != 18) {
            throw new IllegalArgumentException("not an 18-character code");
        }
        return n.substring(8, 17);
    }

    /** Characters 3-8: the registering region's GB/T 2260 code, if the code is well-formed. */
    public static Optional<String> regionCode(String code) {
        String n = normalise(code);
        return n != null && FORM.matcher(n).matches() ? Optional.of(n.substring(2, 8)) : Optional.empty();
    }

    /**
     * The province of the registering region (characters 3-4). Empty for codes registered at national level
     * ({@code 100000}) and for malformed codes.
     */
    public static Optional<Province> province(String code) {
        return regionCode(code).flatMap(r -> Province.byCode(r.substring(0, 2)));
    }
}
