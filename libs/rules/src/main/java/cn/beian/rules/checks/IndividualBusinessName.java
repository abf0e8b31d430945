package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;

/**
 * {@code INDIVIDUAL_BUSINESS_NAME}: an individual business without a trade name gives the subject name its province
 * prescribes. Parameters: {@code patterns}: the names allowed, {@code {owner}} standing for the owner's name
 * (empty: any name, e.g. the shop's name, which no order field holds); {@code owner}: {@code LEGAL_PERSON}
 * (default) or {@code PRINCIPAL}; {@code noTradeName} as for {@code INDIVIDUAL_BUSINESS_NATURE}. Brackets and
 * spaces are compared loosely.
 */
final class IndividualBusinessName implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (!UnitSubjects.isIndividualBusiness(s) || !UnitSubjects.hasNoTradeName(rule, s)
                || UnitSubjects.blank(s.name())) {
            return;
        }
        List<String> patterns = rule.list("patterns");
        String owner = UnitSubjects.ownerName(s, rule.text("owner", "LEGAL_PERSON"));
        if (patterns.isEmpty() || owner == null) {
            return;
        }
        boolean ok = patterns.stream().anyMatch(p -> UnitSubjects.sameText(p.replace("{owner}", owner), s.name()));
        if (!ok) {
            out.fail("subject.name");
        }
    }
}
