package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.Map;

/**
 * {@code OFFICE_PHONE_LANDLINE}: the principals' office phones are real fixed lines with their area code. Parameters:
 * {@code who} ({@link Principals.Who}, default {@code SUBJECT_PRINCIPAL}); {@code mobileAllowed} (default
 * {@code false}): a mainland mobile may stand in; {@code required} (default {@code false}): a principal without an
 * office phone fails too (otherwise a missing phone is left to {@code OFFICE_PHONE_PRESENT} and the shape checks).
 */
final class OfficePhoneLandline implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "SUBJECT_PRINCIPAL"));
        boolean mobileAllowed = rule.flag("mobileAllowed");
        boolean required = rule.flag("required");
        for (Principals.Named p : Principals.of(order, who)) {
            String phone = p.person().officePhone();
            String key = p.key() + ".officePhone";
            if (phone == null || phone.isBlank()) {
                if (required) {
                    out.fail(key, Map.of("phone", "—"));
                }
                continue;
            }
            if (Phones.isOfficePhone(phone) || (mobileAllowed && Phones.isMainlandMobile(phone))) {
                continue;
            }
            out.fail(key, Map.of("phone", PhoneAreas.mask(phone)));
        }
    }
}
