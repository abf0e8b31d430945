package cn.beian.national.domain;

import cn.beian.contract.domain.CertificateType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Check characters and old/new forms of Chinese certificate numbers:
 * <ul>
 * <li>resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check digit
 * {@code 0-9X}; the old 15-digit form has a 2-digit year and no check digit;</li>
 * <li>unified social credit codes (GB 32100-2015): registering authority, unit type, 6-digit region, the 9-character
 * organization code, check character over 31 symbols;</li>
 * <li>organization codes (GB 11714-1997): 8 body characters and a check character ({@code 0-9X}).</li>
 * </ul>
 */
public final class CertificateNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";
    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private CertificateNumbers() {
    }

    /** The check digit of the first 17 digits of a resident ID number. */
    public static char residentIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECKS.charAt(sum % 11);
    }

    /** Whether an 18-character resident ID number has a valid birth date and check digit. */
    public static boolean isValidResidentId(String id) {
        if (id == null || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        try {
            LocalDate.parse(id.substring(6, 14), BIRTH);
        } catch (DateTimeParseException e) {
            return false;
        }
        return residentIdCheck(id.substring(0, 17)) == id.charAt(17);
    }

    /** A resident ID number from its parts, with its check digit. */
    public static String residentId(String region6, LocalDate birth, int sequence) {
        String first17 = region6 + birth.format(BIRTH) + "%03d".formatted(sequence);
        return first17 + residentIdCheck(first17);
    }

    /** The 18-digit form of an old 15-digit resident ID number (born 1900-1999). */
    public static String upgradeResidentId(String old15) {
        if (old15 == null || !old15.matches("[0-9]{15}")) {
            throw new IllegalArgumentException("not a 15-digit resident ID number");
        }
        String first17 = old15.substring(0, 6) + "19" + old15.substring(6);
        return first17 + residentIdCheck(first17);
    }

    /** The check character of the first 8 characters of an organization code. */
    public static char organizationCodeCheck(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += value36(first8.charAt(i)) * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    public static boolean isValidOrganizationCode(String code) {
        if (code == null) {
            return false;
        }
        String c = code.replace("-", "");
        return c.matches("[0-9A-Z]{8}[0-9X]") && organizationCodeCheck(c.substring(0, 8)) == c.charAt(8);
    }

    /** The check character of the first 17 characters of a unified social credit code. */
    public static char usccCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a USCC character at " + i + ": " + first17.charAt(i));
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return USCC_ALPHABET.charAt(c == 31 ? 0 : c);
    }

    public static boolean isValidUscc(String code) {
        if (code == null || !code.matches("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
            return false;
        }
        return usccCheck(code.substring(0, 17)) == code.charAt(17)
                && isValidOrganizationCode(code.substring(8, 17));
    }

    /**
     * A unified social credit code: {@code authority} (1 工商/市场监管 = '9', 机构编制 = '1', 民政 = '5' …), {@code kind}
     * (e.g. '1' enterprise), region and an organization code body of 8 characters (its check is computed).
     */
    public static String uscc(char authority, char kind, String region6, String orgBody8) {
        String org = orgBody8 + organizationCodeCheck(orgBody8);
        String first17 = "" + authority + kind + region6 + org;
        return first17 + usccCheck(first17);
    }

    /** The organization code inside a unified social credit code. */
    public static String organizationCodeOf(String uscc) {
        return uscc.substring(8, 17);
    }

    /**
     * The old-style number a registry record could still hold for a new-style one: the 15-digit ID of an 18-digit ID
     * (born in the 1900s), the organization code of a unified social credit code.
     */
    public static Optional<String> oldStyleOf(CertificateType type, String number) {
        if (number == null) {
            return Optional.empty();
        }
        if (type == CertificateType.RESIDENT_ID && number.length() == 18 && number.startsWith("19", 6)) {
            return Optional.of(number.substring(0, 6) + number.substring(8, 17));
        }
        if (type != null && type.forUnits() && number.length() == 18) {
            return Optional.of(organizationCodeOf(number));
        }
        return Optional.empty();
    }

    /** Whether a number is well-formed for its type, where the type has a checkable format. */
    public static boolean isWellFormed(CertificateType type, String number) {
        return switch (type) {
            case RESIDENT_ID -> isValidResidentId(number);
            case BUSINESS_LICENSE -> isValidUscc(number);
            case ORGANIZATION_CODE -> isValidOrganizationCode(number);
            default -> true;
        };
    }

    private static int value36(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not an organization code character: " + c);
    }
}
