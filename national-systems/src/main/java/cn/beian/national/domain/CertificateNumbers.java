package cn.beian.national.domain;

import cn.beian.contract.domain.CertificateType;
import cn.beian.validators.CertificateValidator;
import cn.beian.validators.OrganizationCodes;
import cn.beian.validators.ResidentIdNumbers;
import cn.beian.validators.SocialCreditCodes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Chinese certificate numbers as the stand-in needs them: checking delegates to {@code beian-validators} (the one
 * implementation of GB 11643 resident IDs, GB 32100 unified social credit codes and GB 11714 organization codes);
 * what stays here is making numbers for the seed and the tests, and the old-style forms a registry record may hold.
 */
public final class CertificateNumbers {

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd");

    private CertificateNumbers() {
    }

    /** The check digit of the first 17 digits of a resident ID number. */
    public static char residentIdCheck(String first17) {
        return ResidentIdNumbers.checkDigit(first17);
    }

    /** Whether an 18-character resident ID number has a valid region, birth date and check digit. */
    public static boolean isValidResidentId(String id) {
        return id != null && id.length() == 18 && ResidentIdNumbers.isValid(id);
    }

    /** A resident ID number from its parts, with its check digit. */
    public static String residentId(String region6, LocalDate birth, int sequence) {
        String first17 = region6 + birth.format(BIRTH) + "%03d".formatted(sequence);
        return first17 + residentIdCheck(first17);
    }

    /** The 18-digit form of an old 15-digit resident ID number (born 1900-1999). */
    public static String upgradeResidentId(String old15) {
        return ResidentIdNumbers.upgrade(old15);
    }

    /** The check character of the first 8 characters of an organization code. */
    public static char organizationCodeCheck(String first8) {
        return OrganizationCodes.checkChar(first8);
    }

    public static boolean isValidOrganizationCode(String code) {
        return code != null && OrganizationCodes.isValid(code);
    }

    /** The check character of the first 17 characters of a unified social credit code. */
    public static char usccCheck(String first17) {
        return SocialCreditCodes.checkChar(first17);
    }

    public static boolean isValidUscc(String code) {
        return code != null && SocialCreditCodes.isValid(code);
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
        return SocialCreditCodes.organizationCode(uscc);
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

    /** Whether a number is well-formed for its type ({@link CertificateValidator}: format and check character). */
    public static boolean isWellFormed(CertificateType type, String number) {
        return CertificateValidator.validate(type, number).isEmpty();
    }
}
