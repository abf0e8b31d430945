package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;

/**
 * {@code SUBJECT_NAME_CHANGED}: the subject's name in the order differs from its name on the administration's record
 * ({@link Facts#recordedSubject()}), i.e. the unit was renamed since it was filed. Unknown without the record.
 */
final class SubjectNameChanged implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        if (facts == null || facts.recordedSubject() == null || order.subject() == null) {
            return null;
        }
        String now = norm(order.subject().name());
        String then = norm(facts.recordedSubject().name());
        return now == null || then == null ? null : !now.equals(then);
    }

    private static String norm(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
        return t.isEmpty() ? null : t;
    }
}
