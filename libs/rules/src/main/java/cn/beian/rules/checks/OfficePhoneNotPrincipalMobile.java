package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code OFFICE_PHONE_NOT_PRINCIPAL_MOBILE}: a principal's office phone is not the same number as that principal's
 * mobile (compared in national form, so {@code +86 138 0000 0013} equals {@code 13800000013}). Parameter {@code who}
 * ({@link Principals.Who}, default {@code ALL_PRINCIPALS}).
 */
final class OfficePhoneNotPrincipalMobile implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "ALL_PRINCIPALS"));
        for (Principals.Named p : Principals.of(order, who)) {
            String office = PhoneAreas.comparable(p.person().officePhone());
            String mobile = PhoneAreas.comparable(p.person().mobile());
            if (office != null && office.equals(mobile)) {
                out.fail(p.key() + ".officePhone", Map.of("phone", PhoneAreas.mask(p.person().officePhone())));
            }
        }
    }
}
