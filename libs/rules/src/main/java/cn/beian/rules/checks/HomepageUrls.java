package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code HOMEPAGE_URLS}: how a website's homepage URLs relate to its domain list. Parameters:
 * <ul>
 * <li>{@code count}: {@code ONE} — at most one URL per website (none is the shape check's business);
 * {@code ONE_PER_DOMAIN} — one URL for each domain of the list and no other (implies {@code inDomains});
 * absent — no limit;</li>
 * <li>{@code inDomains}: every URL's host is one of the website's domains or below one
 * ({@code www.123.com} needs {@code 123.com} in the list).</li>
 * </ul>
 * An entry that is no URL is the shape check's business, unless it holds several addresses (SN-B-06: URLs are
 * separated, one per entry). Message arguments: {@code {problem}} (zh) and {@code {problemEn}} (en) say what is wrong.
 */
final class HomepageUrls implements Check {

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("\\S[;；,，、\\s]+\\S");

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        String count = rule.text("count", "");
        boolean perDomain = "ONE_PER_DOMAIN".equals(count);
        boolean inDomains = perDomain || rule.flag("inDomains");
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            String key = "websites[" + i + "].homepageUrls";
            List<String> urls = w.homepageUrls().stream().filter(u -> u != null && !u.isBlank()).toList();
            if ("ONE".equals(count) && urls.size() > 1) {
                out.fail(key, problem("填写了 " + urls.size() + " 个首页地址，只能填写 1 个",
                        urls.size() + " homepage URLs are given; only one is allowed"));
            }
            if (!inDomains || urls.isEmpty()) {
                continue;
            }
            Set<String> domains = new LinkedHashSet<>();
            w.domains().stream().map(UrlHosts::ofDomain).filter(d -> d != null).forEach(domains::add);
            if (domains.isEmpty()) {
                continue; // no domain to compare with: the shape check asks for one
            }
            Map<String, Integer> perDomainCount = new LinkedHashMap<>();
            domains.forEach(d -> perDomainCount.put(d, 0));
            for (int j = 0; j < w.homepageUrls().size(); j++) {
                String url = w.homepageUrls().get(j);
                if (url == null || url.isBlank()) {
                    continue;
                }
                String host = UrlHosts.ofUrl(url);
                if (host == null) {
                    if (SEPARATORS.matcher(url.strip()).find()) {
                        String shown = url.strip();
                        out.fail(key + "[" + j + "]", problem("一项中填写了多个地址（" + shown + "），每项只填一个首页地址",
                                "one entry holds several addresses (" + shown + "); give one homepage URL per entry"));
                    }
                    continue; // not a URL at all: the shape check's business
                }
                String owner = owner(domains, host);
                if (owner == null) {
                    String shown = url.strip();
                    out.fail(key + "[" + j + "]", problem("首页地址 " + shown + " 不属于本网站填写的域名",
                            "the homepage URL " + shown + " is not under one of this website's domains"));
                } else {
                    perDomainCount.merge(owner, 1, Integer::sum);
                }
            }
            if (perDomain) {
                for (Map.Entry<String, Integer> e : perDomainCount.entrySet()) {
                    if (e.getValue() != 1) {
                        out.fail(key, problem("域名 " + e.getKey() + " 对应 " + e.getValue() + " 个首页地址，应为 1 个",
                                "the domain " + e.getKey() + " has " + e.getValue() + " homepage URLs instead of one"));
                    }
                }
            }
        }
    }

    /** The most specific domain of the list that covers the host, or null. */
    private static String owner(Set<String> domains, String host) {
        List<String> covering = new ArrayList<>();
        for (String d : domains) {
            if (UrlHosts.covers(d, host)) {
                covering.add(d);
            }
        }
        return covering.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
    }

    private static Map<String, String> problem(String zh, String en) {
        return Map.of("problem", zh, "problemEn", en);
    }
}
