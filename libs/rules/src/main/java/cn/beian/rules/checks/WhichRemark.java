package cn.beian.rules.checks;

import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where a remark rule looks for its text (the "which remark" resolution of the catalogue): a fact about a website in
 * that website's remark, a fact about the subject in the subject remark. Parameters shared by the remark checks:
 * <ul>
 * <li>{@code remark}: {@code WEBSITE} (default) or {@code SUBJECT}, the remark expected to hold the text;</li>
 * <li>{@code acceptOther}: the text in the other remark satisfies the rule too (where the sources disagree);</li>
 * <li>{@code report}: {@code MISSING} (default) fails when no accepted remark holds it; {@code IN_OTHER} fails when
 * only the other remark holds it (the companion WARNS row that names the expected remark).</li>
 * </ul>
 * A finding is reported on the expected remark's field key.
 */
final class WhichRemark {

    enum Where {
        WEBSITE, SUBJECT
    }

    enum Report {
        MISSING, IN_OTHER
    }

    private WhichRemark() {
    }

    /**
     * Judges website {@code i}'s remark rule.
     *
     * @param satisfied whether a remark's text (never null: "" when absent) satisfies the rule
     * @param args      the message arguments for the expected remark's text when it fails
     */
    static void judge(Rule rule, OrderDocument order, int i, Predicate<String> satisfied,
            Function<String, Map<String, String>> args, Verdicts out) {
        Where where = Where.valueOf(rule.text("remark", "WEBSITE"));
        Report report = Report.valueOf(rule.text("report", "MISSING"));
        OrderDocument.Website w = order.websites().get(i);
        String websiteRemark = text(w.remarks());
        String subjectRemark = text(order.subject() == null ? null : order.subject().remarks());
        String expected = where == Where.WEBSITE ? websiteRemark : subjectRemark;
        String other = where == Where.WEBSITE ? subjectRemark : websiteRemark;
        String key = where == Where.WEBSITE ? "websites[" + i + "].remarks" : "subject.remarks";
        if (satisfied.test(expected)) {
            return;
        }
        boolean inOther = rule.flag("acceptOther") && satisfied.test(other);
        if (report == Report.IN_OTHER ? inOther : !inOther) {
            out.fail(key, args.apply(expected));
        }
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    /** The text without blanks (ASCII and ideographic), for length and phrase comparisons. */
    static String compact(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000]+", "");
    }
}
