package cn.beian.rules.checks;

import cn.beian.contract.order.FilingType;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Verdicts;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.DomainParse;
import cn.beian.validators.domain.ParsedDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The domains an order files, each with its field key ({@code websites[i].domains[j]}) and its parse, and their
 * registry facts. A domain that does not parse is the shape check's business and is left out; in a change order the
 * domains already on record ({@link Facts#recordedWebsites()}) are not filed again and are left out too. Each
 * registrable domain counts once (its first field key), so one registration gives one finding.
 */
final class FiledDomains {

    /** One domain of the order. */
    record Entry(String key, int website, ParsedDomain domain) {

        /** The registrable domain for display ({@code 例子.中国}). */
        String shown() {
            return domain.registrableUnicode();
        }
    }

    private FiledDomains() {
    }

    static List<Entry> of(OrderDocument order, Facts facts) {
        Set<String> onRecord = order.type() == FilingType.CHANGE ? recorded(facts) : Set.of();
        Set<String> seen = new HashSet<>();
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            if (w == null) {
                continue;
            }
            for (int j = 0; j < w.domains().size(); j++) {
                String raw = w.domains().get(j);
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                DomainParse parse;
                try {
                    parse = DomainNames.parse(raw);
                } catch (RuntimeException e) {
                    continue;
                }
                if (!parse.isValid()) {
                    continue;
                }
                ParsedDomain d = parse.orElseThrow();
                if (onRecord.contains(d.registrableDomain()) || !seen.add(d.registrableDomain())) {
                    continue;
                }
                out.add(new Entry("websites[" + i + "].domains[" + j + "]", i, d));
            }
        }
        return out;
    }

    /**
     * The registry facts of a domain, or {@code null} after reporting it undetermined: not looked up, or the registry
     * did not answer.
     */
    static Facts.DomainFacts registry(Entry e, Facts facts, Verdicts out) {
        Facts.DomainFacts f = facts.domains().get(e.domain().registrableDomain());
        if (f == null) {
            out.undetermined(e.key(), "域名注册信息未查询 / registry not consulted for " + e.shown());
            return null;
        }
        if (f.unavailable()) {
            out.undetermined(e.key(), "注册局暂无应答 / the registry did not answer for " + e.shown());
            return null;
        }
        return f;
    }

    /**
     * Fails every registered domain of the order whose registry fact {@code flag} is true, and reports it undetermined
     * (with {@code unknown}) when the registry does not say.
     */
    static void failWhere(OrderDocument order, Facts facts, Verdicts out,
            java.util.function.Function<Facts.DomainFacts, Boolean> flag, String unknown) {
        for (Entry e : of(order, facts)) {
            Facts.DomainFacts f = registry(e, facts, out);
            if (f == null || !f.registered()) {
                continue;
            }
            Boolean set = flag.apply(f);
            if (set == null) {
                out.undetermined(e.key(), unknown);
            } else if (set) {
                out.fail(e.key(), java.util.Map.of("domain", e.shown()));
            }
        }
    }

    /** The registrable domains of the websites on record (lower-case ASCII). */
    private static Set<String> recorded(Facts facts) {
        Set<String> out = new HashSet<>();
        if (facts.recordedWebsites() == null) {
            return out;
        }
        for (Facts.RecordedWebsite r : facts.recordedWebsites()) {
            if (r == null || r.domains() == null) {
                continue;
            }
            for (String raw : r.domains()) {
                try {
                    DomainParse p = raw == null ? null : DomainNames.parse(raw);
                    if (p != null && p.isValid()) {
                        out.add(p.orElseThrow().registrableDomain());
                    }
                } catch (RuntimeException e) {
                    out.add(raw.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
