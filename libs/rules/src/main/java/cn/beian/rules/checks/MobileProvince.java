package cn.beian.rules.checks;

import cn.beian.contract.domain.Province;
import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.Map;
import java.util.Optional;

/**
 * {@code MOBILE_PROVINCE}: the principals' mobiles are registered in the order's province, by the number-segment data
 * of libphonenumber's geocoder. Parameter {@code who}: {@code ALL_PRINCIPALS} (default), {@code SUBJECT_PRINCIPAL},
 * {@code WEBSITE_PRINCIPALS}. A segment the data does not place is undetermined; a number that is not a mobile is
 * the shape check's business, not this rule's.
 */
final class MobileProvince implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "ALL_PRINCIPALS"));
        for (Principals.Named p : Principals.of(order, who)) {
            String mobile = p.person().mobile();
            if (mobile == null || !Phones.isMainlandMobile(mobile)) {
                continue;
            }
            String key = p.key() + ".mobile";
            Optional<Province> registered = Phones.mobileProvince(mobile);
            if (registered.isEmpty()) {
                out.undetermined(key, "号段未知 / number segment not in the table");
            } else if (registered.get() != order.province()) {
                out.fail(key, Map.of("mobile", Masking.mobile(mobile), "registered",
                        registered.get().chineseName()));
            }
        }
    }
}
