package cn.beian.rules.checks;

import cn.beian.contract.domain.Province;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.Map;
import java.util.Optional;

/**
 * {@code OFFICE_PHONE_AREA}: each principal's office phone, when it is a fixed line, belongs to the order's province by
 * its area code (libphonenumber's geocoder), and with {@code matchCity: true} to the subject's city where the subject
 * names one. Parameters: {@code who} ({@link Principals.Who}, default {@code ALL_PRINCIPALS}); {@code mobiles}:
 * {@code SKIP} (default: a mobile as office phone is other rules' business) or {@code PROVINCE} (a mobile must be
 * registered in the province). An area the data does not place is undetermined.
 */
final class OfficePhoneArea implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Province province = order.province();
        if (province == null) {
            return;
        }
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "ALL_PRINCIPALS"));
        boolean mobiles = "PROVINCE".equals(rule.text("mobiles", "SKIP"));
        boolean matchCity = rule.flag("matchCity");
        String city = order.subject() == null ? null : PhoneAreas.cityStem(order.subject().city());
        for (Principals.Named p : Principals.of(order, who)) {
            String phone = p.person().officePhone();
            String key = p.key() + ".officePhone";
            if (phone == null || phone.isBlank()) {
                continue;
            }
            if (Phones.isOfficePhone(phone)) {
                Optional<String> area = PhoneAreas.landlineArea(phone);
                Optional<Province> in = area.flatMap(PhoneAreas::provinceOf);
                if (in.isEmpty()) {
                    out.undetermined(key, "区号未知 / area code not in the table");
                } else if (in.get() != province || (matchCity && city != null && !area.get().contains(city))) {
                    out.fail(key, Map.of("phone", PhoneAreas.mask(phone), "area", area.get(), "expected",
                            province.chineseName() + (matchCity && order.subject().city() != null
                                    ? order.subject().city() : "")));
                }
            } else if (mobiles && Phones.isMainlandMobile(phone)) {
                Optional<Province> registered = Phones.mobileProvince(phone);
                if (registered.isEmpty()) {
                    out.undetermined(key, "号段未知 / number segment not in the table");
                } else if (registered.get() != province) {
                    out.fail(key, Map.of("phone", PhoneAreas.mask(phone), "area", registered.get().chineseName(),
                            "expected", province.chineseName()));
                }
            }
        }
    }
}
