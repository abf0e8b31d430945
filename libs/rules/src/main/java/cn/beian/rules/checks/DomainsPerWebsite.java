package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code DOMAINS_PER_WEBSITE}: how many domains one website may group. Parameters:
 * <ul>
 * <li>{@code distinct}: {@code DOMAIN} (default) counts the distinct domains, {@code PREFIX} the distinct prefixes
 * (the label in front of the suffix: {@code example.cn} and {@code example.com} share one);</li>
 * <li>{@code max}: how many are allowed (default 1);</li>
 * <li>{@code unlessRemark}: a phrase that, in the website's remark, allows more (the domains serve one site);</li>
 * <li>{@code reportOn}: {@code domains} (default) or {@code remarks}, the field the finding names.</li>
 * </ul>
 * Entries that are not domains are the shape check's business and not counted. Arguments: {@code {count}},
 * {@code {items}} (the domains or prefixes, joined).
 */
final class DomainsPerWebsite implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        boolean byPrefix = "PREFIX".equals(rule.text("distinct", "DOMAIN"));
        int max = rule.integer("max", 1);
        String phrase = rule.text("unlessRemark");
        String field = rule.text("reportOn", "domains");
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            Set<String> items = new LinkedHashSet<>();
            for (String d : w.domains()) {
                String item = byPrefix ? prefix(d) : UrlHosts.ofDomain(d);
                if (item != null) {
                    items.add(item);
                }
            }
            if (items.size() <= max) {
                continue;
            }
            if (phrase != null && WhichRemark.compact(w.remarks()).contains(WhichRemark.compact(phrase))) {
                continue;
            }
            out.fail("websites[" + i + "]." + field, Map.of("count", String.valueOf(items.size()),
                    "items", String.join("、", items)));
        }
    }

    private static String prefix(String domain) {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        return DomainNames.parse(domain).domain().map(ParsedDomain::prefix).orElse(null);
    }
}
