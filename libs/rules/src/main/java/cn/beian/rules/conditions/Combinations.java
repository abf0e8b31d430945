package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ALL_OF} / {@code ANY_OF} / {@code NOT}: conditions made of others, as
 * {@code {of: [{condition: NAME, params: {...}}, ...]}} ({@code NOT}: {@code {condition: NAME, params: {...}}}).
 * A part that names no known condition is unknown.
 */
final class Combinations {

    private Combinations() {
    }

    static final Condition ALL_OF = (params, order, facts, website) -> Tri.all(parts(params, order, facts, website));
    static final Condition ANY_OF = (params, order, facts, website) -> Tri.any(parts(params, order, facts, website));
    static final Condition NOT = (params, order, facts, website) -> Tri.not(part(params, order, facts, website));

    private static List<Boolean> parts(Map<String, Object> params, OrderDocument order, Facts facts,
            Integer website) {
        List<Boolean> values = new ArrayList<>();
        for (Map<String, Object> part : Params.parts(params, "of")) {
            values.add(part(part, order, facts, website));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Boolean part(Map<String, Object> part, OrderDocument order, Facts facts, Integer website) {
        Object name = part == null ? null : part.get("condition");
        Condition c = name == null ? null : MaterialConditions.all().get(String.valueOf(name));
        if (c == null) {
            return null;
        }
        Object p = part.get("params");
        return c.holds(p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), order, facts, website);
    }
}
