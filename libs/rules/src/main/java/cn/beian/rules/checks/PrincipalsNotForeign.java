package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;

/**
 * {@code PRINCIPALS_NOT_FOREIGN}: the principals are Chinese nationals — none files with a passport or a foreigner's
 * permanent residence card (a foreign legal person delegates the role). Parameter {@code who} as for
 * {@code MOBILE_PROVINCE}.
 */
final class PrincipalsNotForeign implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        for (Principals.Named p : Principals.of(order, Principals.Who.valueOf(rule.text("who", "ALL_PRINCIPALS")))) {
            if (UnitSubjects.isForeign(p.person())) {
                out.fail(p.key() + ".certificateType");
            }
        }
    }
}
