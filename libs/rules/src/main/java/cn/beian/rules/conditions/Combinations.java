package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ALL_OF} / {@code ANY_OF} / {@code NOT}: conditions made of others, as
 * {@code {of: [{condition: NAME, params: {...}}, ...]}} ({@code NOT}: {@code {condition: NAME, params: {...}}}).
 * A part that names no known condition is unknown.
 */
final class Combinations {

    private Combinations() {
    }

    static final Condition ALL_OF = (params, order, facts, website) -> evaluate("ALL_OF", params, order, facts,
            website, Combinations::standard);
    static final Condition ANY_OF = (params, order, facts, website) -> evaluate("ANY_OF", params, order, facts,
            website, Combinations::standard);
    static final Condition NOT = (params, order, facts, website) -> evaluate("NOT", params, order, facts, website,
            Combinations::standard);

    private static Condition standard(String name) {
        return MaterialConditions.all().get(name);
    }

    static Boolean evaluate(String name, Map<String, Object> params, OrderDocument order, Facts facts,
            Integer website, Function<String, Condition> resolve) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "ALL_OF", "ANY_OF" -> {
                List<Boolean> values = new ArrayList<>();
                for (Map<String, Object> part : Params.parts(params, "of")) {
                    values.add(part(part, order, facts, website, resolve));
                }
                return "ALL_OF".equals(name) ? Tri.all(values) : Tri.any(values);
            }
            case "NOT" -> {
                return Tri.not(part(params, order, facts, website, resolve));
            }
            default -> {
                Condition c = resolve.apply(name);
                return c == null ? null : c.holds(params == null ? Map.of() : params, order, facts, website);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Boolean part(Map<String, Object> part, OrderDocument order, Facts facts, Integer website,
            Function<String, Condition> resolve) {
        Object name = part == null ? null : part.get("condition");
        if (name == null) {
            return null;
        }
        Object p = part.get("params");
        return evaluate(String.valueOf(name), p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), order,
                facts, website, resolve);
    }
}
