package cn.beian.validators;

import cn.beian.contract.privacy.Fingerprints;
import cn.beian.contract.domain.Province;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland phone numbers through libphonenumber (its metadata knows which prefixes are allocated): mobiles
 * ({@code 13800000013}, {@code +86 138 0000 0013}, {@code 8613800000013}, {@code 138-0000-0013} …) and office phones
 * (fixed lines with their area code: {@code 010-12345678}, {@code 0755 8888 6666}, {@code +86 10 12345678},
 * {@code 86-010-12345678}). Numbers without a country code are read as mainland ones.
 */
public final class Phones {

    /** A mobile that is not a valid mainland mobile number. */
    public static final String MOBILE_INVALID = "MOBILE_INVALID";
    /** An office phone that is not a valid mainland fixed line with its area code. */
    public static final String OFFICE_PHONE_INVALID = "OFFICE_PHONE_INVALID";

    private static final String CN = "CN";
    private static final int CN_CODE = 86;
    private static final int MAX_INPUT = 40;
    private static final Pattern LOCAL_EXTENSION = Pattern.compile("(.*[0-9])\\s*(?:-|转|分机)\\s*([0-9]{1,6})");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** {@link #mainlandMobile}'s answers for the numbers asked most recently (bounded; they stay in this process). */
    private static final LoadingCache<String, Optional<Mobile>> MOBILES = CacheBuilder.newBuilder()
            .maximumSize(10_000).build(CacheLoader.from(Phones::readMobile));
    /** Longest Chinese name first, so that nothing shorter shadows it. */
    private static final Province[] BY_NAME = Arrays.stream(Province.values())
            .sorted(Comparator.comparingInt((Province p) -> p.chineseName().length()).reversed())
            .toArray(Province[]::new);

    private Phones() {
    }

    /** A valid mainland mobile number (region CN, type mobile). */
    public static boolean isMainlandMobile(String raw) {
        return mainlandMobile(raw).isPresent();
    }

    /** {@code +8613800000013}, or empty when it is not a mainland mobile number. */
    public static Optional<String> mobileE164(String raw) {
        return mainlandMobile(raw).map(Mobile::e164);
    }

    /** The 11-digit national form {@code 13800000013}, or empty when it is not a mainland mobile number. */
    public static Optional<String> mobileNational(String raw) {
        return mainlandMobile(raw).map(Mobile::national);
    }

    /**
     * A stable key for a mobile number that does not show it: the first 16 bytes of the SHA-256 of
     * {@code mobile:<11-digit national form>}, in hex (as {@code personKey}s are made of certificates), so every way of
     * writing one number ({@code +86 138 0000 0013}, {@code 13800000013}) has one key. What services exchange to say
     * "this mobile was confirmed" ({@code mobile.confirmed.v1}); empty when it is not a mainland mobile number.
     */
    public static Optional<String> mobileKey(String raw) {
        return mobileNational(raw).map(n -> Fingerprints.of("mobile:" + n, 16));
    }

    public static Optional<Problem> validateMobile(String raw) {
        return isMainlandMobile(raw) ? Optional.empty()
                : Problem.of(MOBILE_INVALID, "field.mobile-invalid", "Must be a mainland China mobile number (11 digits starting with 1, "
                        + "optionally +86)");
    }

    /**
     * The province a mobile number was registered in, by libphonenumber's geocoder data; empty when the number is not
     * a mainland mobile or the data does not know its prefix.
     */
    public static Optional<Province> mobileProvince(String raw) {
        return mainlandMobile(raw).flatMap(Mobile::province);
    }

    /** A valid mainland fixed-line number with its area code. */
    public static boolean isOfficePhone(String raw) {
        return fixedLine(raw).isPresent();
    }

    /**
     * The office phone as {@code 0<area code>-<number>} (e.g. {@code 010-12345678}, {@code 0755-88886666}), with
     * {@code ext. 123} appended for an extension; empty when it is not a mainland fixed line.
     */
    public static Optional<String> officePhoneNational(String raw) {
        return fixedLine(raw).map(n -> {
            String nsn = UTIL.getNationalSignificantNumber(n);
            int area = UTIL.getLengthOfGeographicalAreaCode(n);
            String s = area > 0 && area < nsn.length()
                    ? "0" + nsn.substring(0, area) + "-" + nsn.substring(area)
                    : "0" + nsn;
            return n.hasExtension() && !n.getExtension().isEmpty() ? s + " ext. " + n.getExtension() : s;
        });
    }

    /** {@code +861012345678} for an office phone (extension dropped). */
    public static Optional<String> officePhoneE164(String raw) {
        return fixedLine(raw).map(n -> UTIL.format(n, PhoneNumberFormat.E164));
    }

    public static Optional<Problem> validateOfficePhone(String raw) {
        return isOfficePhone(raw) ? Optional.empty()
                : Problem.of(OFFICE_PHONE_INVALID, "field.office-phone-invalid",
                        "Must be a mainland China fixed-line number with its area code, "
                        + "e.g. 010-12345678");
    }

    /**
     * The province a geocoder description (e.g. {@code 广东省深圳市}, {@code 北京市}) or an address starts with; the
     * longest name first, so that nothing shorter shadows it.
     */
    public static Optional<Province> provinceOf(String description) {
        if (description == null || description.isBlank()) {
            return Optional.empty();
        }
        String d = description.strip();
        for (Province p : BY_NAME) {
            if (d.startsWith(p.chineseName())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A mainland mobile as the callers ask about it, worked out once per number and remembered: one order's
     * judgement, its mobile-confirmation check and its snapshot each ask about the same principal's mobile several
     * times, and parsing, classifying and geocoding a number is most of what they cost.
     */
    private record Mobile(String e164, String national, Optional<Province> province) {
    }

    private static Optional<Mobile> mainlandMobile(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        return MOBILES.getUnchecked(raw);
    }

    private static Optional<Mobile> readMobile(String raw) {
        return parse(raw).filter(n -> n.getCountryCode() == CN_CODE && !n.hasExtension()
                && UTIL.isValidNumberForRegion(n, CN) && UTIL.getNumberType(n) == PhoneNumberType.MOBILE)
                .map(n -> new Mobile(UTIL.format(n, PhoneNumberFormat.E164), UTIL.getNationalSignificantNumber(n),
                        provinceOf(PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(n,
                                Locale.SIMPLIFIED_CHINESE))));
    }

    private static Optional<PhoneNumber> fixedLine(String raw) {
        Optional<PhoneNumber> whole = parse(raw).filter(Phones::isMainlandFixedLine);
        if (whole.isPresent() || raw == null) {
            return whole;
        }
        // Extensions the way they are written here: 010-12345678-123, 010-12345678转123, 010-12345678 分机 123.
        Matcher m = LOCAL_EXTENSION.matcher(raw.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return parse(m.group(1)).filter(Phones::isMainlandFixedLine).map(n -> n.setExtension(m.group(2)));
    }

    private static boolean isMainlandFixedLine(PhoneNumber n) {
        return n.getCountryCode() == CN_CODE && UTIL.isValidNumberForRegion(n, CN)
                && (UTIL.getNumberType(n) == PhoneNumberType.FIXED_LINE
                        || UTIL.getNumberType(n) == PhoneNumberType.FIXED_LINE_OR_MOBILE);
    }

    private static Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            return Optional.of(UTIL.parse(raw.strip(), CN));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
