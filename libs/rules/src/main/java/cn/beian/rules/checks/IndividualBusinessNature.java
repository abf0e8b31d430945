package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;

/**
 * {@code INDIVIDUAL_BUSINESS_NATURE}: an individual business (个体工商户) files with the nature its trade name calls
 * for. Parameters: {@code withTradeName} / {@code withoutTradeName}: the natures allowed (absent: not judged);
 * {@code noTradeName}: what counts as no trade name ({@code BLANK}, {@code STAR}, {@code OWNER_NAME}; default blank
 * or {@code *}); {@code certificateTypes}: the certificate types allowed where a nature list applies.
 */
final class IndividualBusinessNature implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (!UnitSubjects.isIndividualBusiness(s)) {
            return;
        }
        List<String> allowed = rule.list(UnitSubjects.hasNoTradeName(rule, s) ? "withoutTradeName" : "withTradeName");
        if (allowed.isEmpty()) {
            return;
        }
        if (s.nature() != null && !allowed.contains(s.nature().name())) {
            out.fail("subject.nature");
        }
        List<String> types = rule.list("certificateTypes");
        if (s.certificateType() != null && !types.isEmpty() && !types.contains(s.certificateType().name())) {
            out.fail("subject.certificateType");
        }
    }
}
