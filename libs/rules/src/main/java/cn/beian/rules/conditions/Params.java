package cn.beian.rules.conditions;

import java.util.List;
import java.util.Map;

/** Reading a condition's parameters as {@code materials.yaml} writes them (strings, numbers, lists, maps). */
final class Params {

    private Params() {
    }

    static String text(Map<String, Object> params, String name, String otherwise) {
        Object v = params == null ? null : params.get(name);
        return v == null ? otherwise : String.valueOf(v);
    }

    static int integer(Map<String, Object> params, String name, int otherwise) {
        Object v = params == null ? null : params.get(name);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static boolean flag(Map<String, Object> params, String name) {
        Object v = params == null ? null : params.get(name);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }

    static List<String> list(Map<String, Object> params, String name) {
        Object v = params == null ? null : params.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().filter(x -> x != null).map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v).split(","));
    }

    /** A nested parameter map ({@code condition} / {@code params} of a combinator's part). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parts(Map<String, Object> params, String name) {
        Object v = params == null ? null : params.get(name);
        if (v instanceof List<?> l) {
            return l.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
        }
        if (v instanceof Map<?, ?> m) {
            return List.of((Map<String, Object>) m);
        }
        return List.of();
    }
}
