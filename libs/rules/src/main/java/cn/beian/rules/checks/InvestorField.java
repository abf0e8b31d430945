package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;

/**
 * {@code INVESTOR_FIELD}: the investor / supervising-unit field (投资人或主管单位) as the nature calls for.
 * Parameter {@code byNature}: nature (or {@code OTHER}) → what the field holds: {@code SUBJECT_NAME} (the unit's
 * own full name), {@code LEGAL_PERSON_NAME}, {@code SUBJECT_OR_LEGAL_PERSON}, {@code NOT_SUBJECT} (someone else:
 * the supervising unit). A blank field is the shape check's business.
 */
final class InvestorField implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || UnitSubjects.blank(s.investor())) {
            return;
        }
        List<String> expected = UnitSubjects.forNature(UnitSubjects.map(rule, "byNature"), s.nature());
        if (expected == null || expected.isEmpty()) {
            return;
        }
        String legal = s.legalPerson() == null ? null : s.legalPerson().name();
        boolean isSubject = UnitSubjects.sameText(s.investor(), s.name());
        boolean isLegal = UnitSubjects.sameText(s.investor(), legal);
        String want = expected.get(0);
        if (want.contains("LEGAL_PERSON") && UnitSubjects.blank(legal) && !isSubject) {
            out.undetermined("subject.legalPerson", "法人信息未填写 / the legal person is not given");
            return;
        }
        boolean ok = switch (want) {
            case "SUBJECT_NAME" -> isSubject;
            case "LEGAL_PERSON_NAME" -> isLegal;
            case "SUBJECT_OR_LEGAL_PERSON" -> isSubject || isLegal;
            case "NOT_SUBJECT" -> !isSubject;
            default -> true;
        };
        if (!ok) {
            out.fail("subject.investor");
        }
    }
}
