package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.domain.DomainNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ACCESS_TAKEOVER_WITHIN}: in an access filing, each website taken over has had its access cancelled at the
 * previous provider ({@link Facts.RecordedWebsite#accessActive()} false), no longer than {@code months} (default 1)
 * before the day of judging ({@link Facts.RecordedWebsite#accessCancelledOn()}). The website on record is found by
 * its filing number, or by a shared registrable domain. Undetermined when the records are not known or do not say.
 */
final class AccessTakeoverWithin implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        int months = rule.integer("months", 1);
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            if (w == null) {
                continue;
            }
            String key = "websites[" + i + "]";
            if (facts.recordedWebsites() == null) {
                out.undetermined(key, "备案记录未查询 / the administration's records were not consulted");
                continue;
            }
            Facts.RecordedWebsite r = find(w, facts.recordedWebsites());
            String number = w.filingNumber() != null ? w.filingNumber() : r == null ? "?" : r.filingNumber();
            if (r == null) {
                out.undetermined(key, "备案记录中没有该网站 / the website is not in the records");
            } else if (Boolean.TRUE.equals(r.accessActive())) {
                out.fail(key, Map.of("number", String.valueOf(number), "stateZh", "仍在原接入商接入，请先在原接入商取消接入",
                        "stateEn", "is still served by the previous provider: cancel access there first"));
            } else if (r.accessCancelledOn() == null || facts.today() == null) {
                out.undetermined(key, "取消接入日期未知 / the day access was cancelled is not known");
            } else if (facts.today().isAfter(r.accessCancelledOn().plusMonths(months))) {
                out.fail(key, Map.of("number", String.valueOf(number),
                        "stateZh", r.accessCancelledOn() + " 取消接入，已超过 " + months + " 个月",
                        "stateEn", "had its access cancelled on " + r.accessCancelledOn() + ", more than " + months
                                + " month(s) ago"));
            }
        }
    }

    private static Facts.RecordedWebsite find(OrderDocument.Website w, List<Facts.RecordedWebsite> records) {
        for (Facts.RecordedWebsite r : records) {
            if (r != null && w.filingNumber() != null && r.filingNumber() != null
                    && w.filingNumber().strip().equalsIgnoreCase(r.filingNumber().strip())) {
                return r;
            }
        }
        for (Facts.RecordedWebsite r : records) {
            if (r == null || r.domains() == null) {
                continue;
            }
            for (String d : w.domains()) {
                String host = host(d);
                if (host != null && r.domains().stream().map(AccessTakeoverWithin::host).filter(Objects::nonNull)
                        .anyMatch(host::equals)) {
                    return r;
                }
            }
        }
        return null;
    }

    private static String host(String raw) {
        try {
            return raw == null ? null
                    : DomainNames.parse(raw).domain().map(d -> d.registrableDomain()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
