package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PERSONAL_STATEMENT_REMARK}: the remark carries a fixed statement the applicant copies. Compared clause by
 * clause, in order, after normalising: full-width forms to half-width (NFKC), blanks and quotation marks dropped,
 * and the {@code equivalents} parameter's spellings made one (e.g. {@code 不含有} = {@code 不含}). Parameters:
 * {@code statement} (the text), {@code equivalents} (map spelling → spelling), and the remark parameters of
 * {@link WhichRemark}. Argument {@code {clause}}: the first clause not found.
 */
final class PersonalStatementRemark implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Map<String, String> equivalents = stringMap(rule.params().get("equivalents"));
        List<String> clauses = clauses(normalise(rule.text("statement", ""), equivalents));
        if (clauses.isEmpty()) {
            return;
        }
        for (int i = 0; i < order.websites().size(); i++) {
            WhichRemark.judge(rule, order, i, text -> missing(clauses, normalise(text, equivalents)) == null,
                    text -> Map.of("clause", display(missing(clauses, normalise(text, equivalents)))), out);
        }
    }

    /** The first clause not found in the remark after the previous one, or null when all are there. */
    static String missing(List<String> clauses, String remark) {
        int from = 0;
        for (String c : clauses) {
            int at = remark.indexOf(c, from);
            if (at < 0) {
                return c;
            }
            from = at + c.length();
        }
        return null;
    }

    static String normalise(String s, Map<String, String> equivalents) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('。', '.').replace('、', ',')
                .replaceAll("[\\s\"'“”‘’「」『』]+", "");
        for (Map.Entry<String, String> e : equivalents.entrySet()) {
            n = n.replace(e.getKey(), e.getValue());
        }
        return n;
    }

    static List<String> clauses(String normalised) {
        List<String> out = new ArrayList<>();
        for (String c : normalised.split("[,.;:!?]+")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static String display(String clause) {
        return clause == null ? "" : clause;
    }

    static Map<String, String> stringMap(Object v) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> {
                if (k != null && val != null) {
                    out.put(String.valueOf(k), String.valueOf(val));
                }
            });
        }
        return out;
    }
}
