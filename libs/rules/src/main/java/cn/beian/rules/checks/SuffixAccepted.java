package cn.beian.rules.checks;

import cn.beian.contract.domain.Province;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.domain.ApprovedSuffixes;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.SuffixJudgement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code SUFFIX_ACCEPTED}: each domain the order files has a suffix the province accepts. Parameters:
 * <ul>
 * <li>{@code list} — a province whose own dated suffix list ({@link ApprovedSuffixes}, BJ-B-02) decides: the list in
 * force on the day of judging, or on {@code listOn} when given (an older source's list); only that list's refusals are
 * this rule's (the national list is the shape check's);</li>
 * <li>{@code refuse} — suffixes refused whatever the list says (CQ-P-01: {@code org} for persons; a source that refuses
 * more than the default list);</li>
 * <li>{@code accept} — suffixes accepted whatever the list says (a source that accepts more).</li>
 * </ul>
 * Suffixes are top-level labels ({@code org}, {@code 中国}); {@code com.cn} is judged by its last label.
 */
final class SuffixAccepted implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        List<String> refuse = lower(rule.list("refuse"));
        List<String> accept = lower(rule.list("accept"));
        Province list = province(rule.text("list"));
        String on = rule.text("listOn");
        LocalDate day = on != null ? LocalDate.parse(on) : facts.today();
        for (FiledDomains.Entry e : FiledDomains.of(order, facts)) {
            String tld = e.domain().topLevel();
            String unicode = DomainNames.toUnicode(tld).toLowerCase(Locale.ROOT);
            String shown = "." + DomainNames.toUnicode(e.domain().suffix());
            boolean accepted = accept.contains(tld) || accept.contains(unicode);
            boolean refused = refuse.contains(tld) || refuse.contains(unicode);
            if (!accepted && !refused && list != null) {
                SuffixJudgement j = ApprovedSuffixes.standard().judge(tld, list, day);
                refused = !j.approved() && list.name().equals(j.listScope());
            }
            if (refused && !accepted) {
                out.fail(e.key(), Map.of("domain", e.shown(), "suffix", shown));
            }
        }
    }

    private static Province province(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Province.valueOf(name.strip());
    }

    private static List<String> lower(List<String> suffixes) {
        return suffixes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).map(s -> s.startsWith(".")
                ? s.substring(1) : s).toList();
    }
}
