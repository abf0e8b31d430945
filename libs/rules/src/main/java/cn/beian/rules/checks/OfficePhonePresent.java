package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;

/**
 * {@code OFFICE_PHONE_PRESENT}: each principal the rule concerns gives an office phone (any number: what kind it must
 * be is other rules' business). Parameter {@code who} ({@link Principals.Who}, default {@code SUBJECT_PRINCIPAL}).
 * A principal record that is missing altogether is the shape check's business.
 */
final class OfficePhonePresent implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "SUBJECT_PRINCIPAL"));
        for (Principals.Named p : Principals.of(order, who)) {
            String phone = p.person().officePhone();
            if (phone == null || phone.isBlank()) {
                out.fail(p.key() + ".officePhone");
            }
        }
    }
}
