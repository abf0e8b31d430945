package cn.beian.validators;

import cn.beian.contract.domain.Province;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code (region where first registered), 8-digit birth date
 * {@code yyyyMMdd}, 3-digit sequence (odd for men), and a check character {@code 0-9X} over the first 17 digits
 * (ISO 7064 MOD 11-2). The old 15-digit form has a 2-digit year (1900s) and no check character.
 *
 * <p>Every method accepts lower-case {@code x}; none throws on malformed input unless it says so.
 */
public final class ResidentIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";
    private static final Pattern NEW_FORM = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern OLD_FORM = Pattern.compile("[0-9]{15}");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** 台湾 71; 港澳台居民居住证 81 (Hong Kong), 82 (Macao), 83 (Taiwan): not filing provinces, yet valid. */
    private static final Set<String> NON_PROVINCE_REGIONS = Set.of("71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIdNumbers() {
    }

    /** The check character of the first 17 digits; throws {@link IllegalArgumentException} if they are not 17 digits. */
    public static char checkDigit(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }

    /** Stripped and upper-cased ({@code x} becomes {@code X}); {@code null} stays {@code null}. */
    public static String normalise(String id) {
        return id == null ? null : id.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether it is a valid 18-character number today (Beijing time). */
    public static boolean isValid(String id) {
        return validate(id, Dates.todayInChina()).isEmpty();
    }

    public static boolean isValid(String id, LocalDate today) {
        return validate(id, today).isEmpty();
    }

    /**
     * Why an 18-character number is not valid on {@code today}: format, region, birth date (a real date, not after
     * {@code today}, not before 1900), check digit — in that order. A 15-digit number is {@code CERTIFICATE_OLD_STYLE}
     * and names its 18-digit form.
     */
    public static Optional<Problem> validate(String id, LocalDate today) {
        String n = normalise(id);
        if (n == null || n.isEmpty()) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.resident-id-length", "A resident ID number has 18 characters");
        }
        if (isOldStyle(n)) {
            return Problem.of(Problem.CERTIFICATE_OLD_STYLE, "field.resident-id-old-style",
                    "This is an old 15-digit ID number; use the 18-character one (" + upgrade(n) + ")", upgrade(n));
        }
        if (!NEW_FORM.matcher(n).matches()) {
            return Problem.of(Problem.CERTIFICATE_FORMAT, "field.resident-id-format",
                    "A resident ID number has 17 digits and a check character (0-9 or X)");
        }
        if (!knownRegion(n.substring(0, 2))) {
            return Problem.of(Problem.CERTIFICATE_REGION, "field.resident-id-region",
                    "The ID number's region code " + n.substring(0, 6) + " is not a Chinese provincial region",
                    n.substring(0, 6));
        }
        Optional<LocalDate> birth = parseBirth(n.substring(6, 14));
        if (birth.isEmpty()) {
            return Problem.of(Problem.CERTIFICATE_BIRTH_DATE, "field.resident-id-birth-date-nonexistent",
                    "The ID number's birth date " + n.substring(6, 14) + " does not exist", n.substring(6, 14));
        }
        if (birth.get().isAfter(today) || birth.get().isBefore(EARLIEST_BIRTH)) {
            return Problem.of(Problem.CERTIFICATE_BIRTH_DATE, "field.resident-id-birth-date-impossible",
                    "The ID number's birth date " + birth.get() + " is not possible", birth.get());
        }
        if (checkDigit(n.substring(0, 17)) != n.charAt(17)) {
            return Problem.of(Problem.CERTIFICATE_CHECK_DIGIT, "field.resident-id-check-digit",
                    "The ID number's check character does not match; please check every digit");
        }
        return Optional.empty();
    }

    /** A 15-digit number with a real birth date in the 1900s (the first-generation form). */
    public static boolean isOldStyle(String id) {
        String n = normalise(id);
        return n != null && OLD_FORM.matcher(n).matches() && parseBirth("19" + n.substring(6, 12)).isPresent();
    }

    /** The 18-character form of an old 15-digit number: "19" before the 2-digit year, then the check digit. */
    public static String upgrade(String old15) {
        String n = normalise(old15);
        if (n == null || !OLD_FORM.matcher(n).matches()) {
            throw new IllegalArgumentException("not a 15-digit resident ID number");
        }
        String first17 = n.substring(0, 6) + "19" + n.substring(6);
        return first17 + checkDigit(first17);
    }

    /** The birth date an 18- or 15-character number encodes, if it is a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        String n = normalise(id);
        if (n == null) {
            return Optional.empty();
        }
        if (NEW_FORM.matcher(n).matches()) {
            return parseBirth(n.substring(6, 14));
        }
        if (OLD_FORM.matcher(n).matches()) {
            return parseBirth("19" + n.substring(6, 12));
        }
        return Optional.empty();
    }

    /** Full years of age on {@code at}, from the encoded birth date. */
    public static OptionalInt ageAt(String id, LocalDate at) {
        return birthDate(id).map(b -> OptionalInt.of(Ages.ageAt(b, at))).orElse(OptionalInt.empty());
    }

    /**
     * The province the number was first registered in (its first two digits). Empty for Hong Kong, Macao and Taiwan
     * codes and for anything that is not a resident ID number. People move: this is not where they live.
     */
    public static Optional<Province> province(String id) {
        String n = normalise(id);
        if (n == null || !(NEW_FORM.matcher(n).matches() || OLD_FORM.matcher(n).matches())) {
            return Optional.empty();
        }
        return Province.byCode(n.substring(0, 2));
    }

    /** Male when the sequence (17th digit, 15th in the old form) is odd. */
    public static Optional<Boolean> isMale(String id) {
        String n = normalise(id);
        if (n != null && NEW_FORM.matcher(n).matches()) {
            return Optional.of((n.charAt(16) - '0') % 2 == 1);
        }
        if (n != null && OLD_FORM.matcher(n).matches()) {
            return Optional.of((n.charAt(14) - '0') % 2 == 1);
        }
        return Optional.empty();
    }

    static boolean knownRegion(String twoDigits) {
        return Province.byCode(twoDigits).isPresent() || NON_PROVINCE_REGIONS.contains(twoDigits);
    }

    static Optional<LocalDate> parseBirth(String yyyyMMdd) {
        try {
            return Optional.of(LocalDate.parse(yyyyMMdd, BIRTH));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
