package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code SUBJECT_REMARK_CONTAINS}: for the units a rule concerns, the subject remark holds what it must state.
 * When: {@code whenNameContains} (the subject name contains one of these words), {@code whenLegalPersonForeign}
 * (the legal person files with a passport or a foreigner's permanent residence card); neither: always.
 * {@code mustMatch}: regular expressions that must all be found in one remark; {@code remark}: {@code SUBJECT}
 * (default) or {@code ANY} (a website's remark counts too). Whether the statement is adequate stays the reviewer's.
 */
final class SubjectRemarkContains implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null) {
            return;
        }
        List<String> names = rule.list("whenNameContains");
        if (!names.isEmpty() && !UnitSubjects.containsAny(s.name(), names)) {
            return;
        }
        if (rule.flag("whenLegalPersonForeign") && !UnitSubjects.isForeign(s.legalPerson())) {
            return;
        }
        List<Pattern> patterns = rule.list("mustMatch").stream()
                .map(p -> Pattern.compile(p, Pattern.DOTALL)).toList();
        boolean ok = UnitSubjects.remarks(order, rule.text("remark", "SUBJECT")).stream()
                .map(r -> java.text.Normalizer.normalize(r, java.text.Normalizer.Form.NFKC))
                .anyMatch(r -> patterns.stream().allMatch(p -> p.matcher(r).find()));
        if (!ok) {
            out.fail("subject.remarks");
        }
    }
}
