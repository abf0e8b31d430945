package cn.beian.validators;

import cn.beian.contract.domain.CertificateType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry point for every {@link CertificateType}: whether a number has the form (and check character) its type
 * has. Input is {@linkplain #normalise normalised} first, so lower case and surrounding blanks are accepted.
 *
 * <table>
 * <caption>What is checked</caption>
 * <tr><td>RESIDENT_ID</td><td>{@link ResidentIdNumbers}: 18 characters, region, birth date, check digit</td></tr>
 * <tr><td>BUSINESS_LICENSE</td><td>{@link SocialCreditCodes}: 18 characters, check character, organization code</td></tr>
 * <tr><td>ORGANIZATION_CODE</td><td>a 9-character organization code or an 18-character credit code</td></tr>
 * <tr><td>PUBLIC_INSTITUTION_, SOCIAL_ORGANIZATION_, PRIVATE_NON_ENTERPRISE_CERTIFICATE</td><td>an 18-character number
 * is a credit code and must check; older certificate numbers: 4-40 digits, letters, hyphens, brackets</td></tr>
 * <tr><td>PASSPORT</td><td>5-17 letters and digits with at least one digit (Chinese ones are E/G/P/D/S + 8
 * characters, see {@link #isChinesePassport})</td></tr>
 * <tr><td>HK_MACAO_PERMIT</td><td>H or M, then 8 or 10 digits</td></tr>
 * <tr><td>TAIWAN_PERMIT</td><td>8 digits</td></tr>
 * <tr><td>FOREIGNER_PERMANENT_RESIDENCE</td><td>old: 3 letters + 12 digits; since 2017: 18 characters starting
 * with 9, birth date and check digit as in a resident ID</td></tr>
 * <tr><td>MILITARY_CODE</td><td>4-40 digits, letters, hyphens, brackets</td></tr>
 * </table>
 */
public final class CertificateValidator {

    private static final Pattern CHINESE_PASSPORT = Pattern.compile("(?:[EGPDS][0-9]{8}|E[A-HJ-NP-Z][0-9]{7}"
            + "|(?:SE|DE|PE)[0-9]{7})");
    private static final Pattern PASSPORT = Pattern.compile("(?=.*[0-9])[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM](?:[0-9]{8}|[0-9]{10})");
    private static final Pattern TAIWAN_PERMIT = Pattern.compile("[0-9]{8}");
    private static final Pattern PERMANENT_RESIDENCE_OLD = Pattern.compile("[A-Z]{3}[0-9]{12}");
    private static final Pattern PERMANENT_RESIDENCE_NEW = Pattern.compile("9[0-9]{16}[0-9X]");
    private static final Pattern GENERIC = Pattern.compile("(?=.*[0-9A-Z])[0-9A-Z()\\-]{4,40}");

    private CertificateValidator() {
    }

    /** Stripped and upper-cased; {@code null} stays {@code null}. What should be stored. */
    public static String normalise(String number) {
        return number == null ? null : number.strip().toUpperCase(Locale.ROOT);
    }

    /** Why {@code number} is not a valid {@code type} number today (Beijing time); empty when it is. */
    public static Optional<Problem> validate(CertificateType type, String number) {
        return validate(type, number, Dates.todayInChina());
    }

    /** Why {@code number} is not a valid {@code type} number on {@code today}; empty when it is. */
    public static Optional<Problem> validate(CertificateType type, String number, LocalDate today) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(today, "today");
        String n = normalise(number);
        if (n == null || n.isEmpty()) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.certificate-empty", "The certificate number is empty");
        }
        return switch (type) {
            case RESIDENT_ID -> ResidentIdNumbers.validate(n, today);
            case BUSINESS_LICENSE -> SocialCreditCodes.validate(n);
            case ORGANIZATION_CODE -> n.length() == 18 ? SocialCreditCodes.validate(n) : OrganizationCodes.validate(n);
            case PUBLIC_INSTITUTION_CERTIFICATE, SOCIAL_ORGANIZATION_CERTIFICATE, PRIVATE_NON_ENTERPRISE_CERTIFICATE ->
                    n.length() == 18 ? SocialCreditCodes.validate(n) : generic(n);
            case PASSPORT -> PASSPORT.matcher(n).matches() ? Optional.empty()
                    : Problem.of(Problem.CERTIFICATE_FORMAT, "field.passport-format",
                            "A passport number has 5 to 17 letters and digits (a Chinese one: E + 8 characters)");
            case HK_MACAO_PERMIT -> HK_MACAO_PERMIT.matcher(n).matches() ? Optional.empty()
                    : Problem.of(Problem.CERTIFICATE_FORMAT, "field.hk-macao-permit-format",
                            "A Mainland Travel Permit for Hong Kong and Macao residents is H or M followed by 8 or 10 digits");
            case TAIWAN_PERMIT -> TAIWAN_PERMIT.matcher(n).matches() ? Optional.empty()
                    : Problem.of(Problem.CERTIFICATE_FORMAT, "field.taiwan-permit-format",
                            "A Mainland Travel Permit for Taiwan residents has 8 digits");
            case FOREIGNER_PERMANENT_RESIDENCE -> permanentResidence(n, today);
            case MILITARY_CODE -> generic(n);
        };
    }

    public static boolean isValid(CertificateType type, String number, LocalDate today) {
        return validate(type, number, today).isEmpty();
    }

    /** A PRC passport number: E/G/P/D/S + 8 digits, E + letter + 7 digits, or SE/DE/PE + 7 digits. */
    public static boolean isChinesePassport(String number) {
        String n = normalise(number);
        return n != null && CHINESE_PASSPORT.matcher(n).matches();
    }

    /**
     * The birth date a number encodes: resident IDs (18 or 15 characters) and new-style permanent residence cards.
     * Nothing for other types, or when the number does not hold a real date.
     */
    public static Optional<LocalDate> birthDate(CertificateType type, String number) {
        String n = normalise(number);
        if (n == null) {
            return Optional.empty();
        }
        if (type == CertificateType.RESIDENT_ID) {
            return ResidentIdNumbers.birthDate(n);
        }
        if (type == CertificateType.FOREIGNER_PERMANENT_RESIDENCE && PERMANENT_RESIDENCE_NEW.matcher(n).matches()) {
            return ResidentIdNumbers.parseBirth(n.substring(6, 14));
        }
        return Optional.empty();
    }

    private static Optional<Problem> permanentResidence(String n, LocalDate today) {
        if (PERMANENT_RESIDENCE_OLD.matcher(n).matches()) {
            return Optional.empty();
        }
        if (!PERMANENT_RESIDENCE_NEW.matcher(n).matches()) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.permanent-residence-format", "A Foreign Permanent Resident ID Card number has 18 "
                    + "characters starting with 9 (cards before 2017: 3 letters and 12 digits)");
        }
        Optional<LocalDate> birth = ResidentIdNumbers.parseBirth(n.substring(6, 14));
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().getYear() < 1900) {
            return Problem.of(Problem.CERTIFICATE_BIRTH_DATE, "field.permanent-residence-birth-date",
                    "The card number's birth date " + n.substring(6, 14) + " is not possible", n.substring(6, 14));
        }
        if (ResidentIdNumbers.checkDigit(n.substring(0, 17)) != n.charAt(17)) {
            return Problem.of(Problem.CERTIFICATE_CHECK_DIGIT, "field.permanent-residence-check-digit",
                    "The card number's check character does not match; please check every digit");
        }
        return Optional.empty();
    }

    private static Optional<Problem> generic(String n) {
        return GENERIC.matcher(n).matches() ? Optional.empty()
                : Problem.of(Problem.CERTIFICATE_FORMAT, "field.certificate-generic-format",
                        "A certificate number has 4 to 40 digits, capital letters, hyphens or brackets");
    }
}
