package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;

/** {@code SUBJECT_NATURE_ANY}: the subject's nature is one of {@code natures}; unknown while it is missing. */
final class SubjectNatureAny implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        return order.nature() == null ? null : Params.list(params, "natures").contains(order.nature().name());
    }
}
