package cn.beian.rules.checks;

import cn.beian.contract.order.FilingType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;

/**
 * {@code NATURE_UNCHANGED}: a change order keeps the subject a person or a unit as on record
 * ({@link Facts#recordedSubject()}); turning one into the other takes a deregistration and a new filing. The
 * record not known: undetermined (for subject changes, or when what changes is not said).
 */
final class NatureUnchanged implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        if (order.type() != FilingType.CHANGE || order.nature() == null) {
            return;
        }
        OrderDocument.Subject recorded = facts.recordedSubject();
        if (recorded == null || recorded.nature() == null) {
            if (order.changeKind() == null || order.changeKind() == OrderDocument.ChangeKind.SUBJECT) {
                out.undetermined("subject.nature", "备案主体性质未知 / the subject on record is not known");
            }
            return;
        }
        if (recorded.nature().isUnit() != order.nature().isUnit()) {
            out.fail("subject.nature");
        }
    }
}
