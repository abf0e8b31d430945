package cn.beian.rules.checks;

import cn.beian.contract.domain.Province;
import cn.beian.contract.privacy.Masking;
import cn.beian.validators.Phones;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a mainland fixed line is (its area code, by libphonenumber's geocoder: {@code 022-…} is 天津市,
 * {@code 0512-…} 江苏省苏州市), and how phones compare. Nothing here throws on odd input.
 */
final class PhoneAreas {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneAreas() {
    }

    /** The geocoder's description of a fixed line ({@code 江苏省南京市}); empty when it is not one or unknown. */
    static Optional<String> landlineArea(String raw) {
        Optional<String> national = Phones.officePhoneE164(raw);
        if (national.isEmpty()) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = UTIL.parse(national.get(), "CN");
            String d = PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(n, Locale.SIMPLIFIED_CHINESE);
            return d == null || d.isBlank() ? Optional.empty() : Optional.of(d.strip());
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The area code of a fixed line, with its leading 0 ({@code 022}); empty when it is not one. */
    static Optional<String> areaCode(String raw) {
        return Phones.officePhoneNational(raw).filter(s -> s.contains("-")).map(s -> s.substring(0, s.indexOf('-')));
    }

    /** The province a geocoder description or an address starts with. */
    static Optional<Province> provinceOf(String description) {
        return Phones.provinceOf(description);
    }

    /** A city's name without its suffix: 南京市 → 南京, 临夏回族自治州 stays whole. */
    static String cityStem(String city) {
        if (city == null) {
            return null;
        }
        String c = city.strip();
        for (String suffix : new String[] {"市", "地区", "盟"}) {
            if (c.endsWith(suffix) && c.length() > suffix.length() + 1) {
                return c.substring(0, c.length() - suffix.length());
            }
        }
        return c.isEmpty() ? null : c;
    }

    /** The digits of a phone in its national form (mobile or fixed line), to compare two phones; else the digits. */
    static String comparable(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<String> m = Phones.mobileNational(raw);
        if (m.isPresent()) {
            return m.get();
        }
        Optional<String> f = Phones.officePhoneE164(raw);
        if (f.isPresent()) {
            return f.get().substring(3);
        }
        String digits = raw.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    /** Mask a phone for a message: mobiles as {@code 138****0013}, fixed lines keep their area code. */
    static String mask(String raw) {
        if (raw == null) {
            return "";
        }
        if (Phones.isMainlandMobile(raw)) {
            return Masking.mobile(Phones.mobileNational(raw).orElse(raw));
        }
        Optional<String> area = areaCode(raw);
        if (area.isPresent()) {
            return area.get() + "-****";
        }
        return Masking.mobile(raw.strip());
    }
}
