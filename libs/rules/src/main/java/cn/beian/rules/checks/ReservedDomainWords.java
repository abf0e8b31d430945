package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code RESERVED_DOMAIN_WORDS}: the prefix of each domain the order files (the label in front of its suffix, in
 * Unicode) contains none of {@code words} (Chinese words and their pinyin), unless the subject is a national-level unit
 * ({@code subject.nationalLevel}).
 */
final class ReservedDomainWords implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        if (order.subject() != null && Boolean.TRUE.equals(order.subject().nationalLevel())) {
            return;
        }
        List<String> words = rule.list("words").stream().map(w -> w.strip().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).toList();
        for (FiledDomains.Entry e : FiledDomains.of(order, facts)) {
            String prefix = e.domain().prefix() == null ? "" : e.domain().prefix().toLowerCase(Locale.ROOT);
            words.stream().filter(prefix::contains).findFirst().ifPresent(w -> out.fail(e.key(),
                    Map.of("domain", e.shown(), "word", w)));
        }
    }
}
