package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.ResidentIdNumbers;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code MINIMUM_AGE}: the holders are at least {@code minimum} years old (default 16) on {@link Facts#today()}, by
 * the birth date their resident ID number encodes. Parameter {@code whose} ({@link Holders.Whose}, default
 * {@code SUBJECT}). Other certificates carry no birth date and are not judged; without a day to judge on the rule is
 * undetermined.
 */
final class MinimumAge implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        int minimum = rule.integer("minimum", 16);
        for (Holders.Holder h : Holders.of(order, Holders.whose(rule.text("whose"), Holders.Whose.SUBJECT))) {
            String number = Holders.normalised(h.number());
            if (number == null || (h.type() != null && h.type() != CertificateType.RESIDENT_ID)) {
                continue;
            }
            if (ResidentIdNumbers.birthDate(number).isEmpty()) {
                continue;
            }
            if (facts.today() == null) {
                out.undetermined(h.field("certificateNumber"), "判断日期未知 / no date to judge on");
                continue;
            }
            OptionalInt age = ResidentIdNumbers.ageAt(number, facts.today());
            if (age.isPresent() && age.getAsInt() < minimum) {
                out.fail(h.field("certificateNumber"), Map.of("age", String.valueOf(age.getAsInt()), "minimum",
                        String.valueOf(minimum)));
            }
        }
    }
}
