package cn.beian.rules.conditions;

import cn.beian.contract.order.FilingType;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.List;
import java.util.Map;

/**
 * {@code CHANGE_KIND}: a change order that changes one of {@code kinds} ({@code SUBJECT}, {@code WEBSITE},
 * {@code ACCESS}; empty: any). False for other filing types; unknown for a change that does not say what it changes.
 */
final class ChangeKind implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        if (order.type() != FilingType.CHANGE) {
            return order.type() == null ? null : false;
        }
        if (order.changeKind() == null) {
            return null;
        }
        List<String> kinds = Params.list(params, "kinds");
        return kinds.isEmpty() || kinds.contains(order.changeKind().name());
    }
}
