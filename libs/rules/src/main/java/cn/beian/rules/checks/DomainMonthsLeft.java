package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code DOMAIN_MONTHS_LEFT}: each domain the order files stays registered for more than {@code months} (default 3)
 * months after the day of judging ({@link Facts.DomainFacts#expiresOn()}); undetermined when the expiry date is not
 * known.
 */
final class DomainMonthsLeft implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        int months = rule.integer("months", 3);
        for (FiledDomains.Entry e : FiledDomains.of(order, facts)) {
            Facts.DomainFacts f = FiledDomains.registry(e, facts, out);
            if (f == null || !f.registered()) {
                continue;
            }
            if (f.expiresOn() == null || facts.today() == null) {
                out.undetermined(e.key(), "到期日未知 / the expiry date is not known");
                continue;
            }
            LocalDate limit = facts.today().plusMonths(months);
            if (!f.expiresOn().isAfter(limit)) {
                out.fail(e.key(), Map.of("domain", e.shown(), "expiresOn", f.expiresOn().toString(),
                        "months", String.valueOf(months)));
            }
        }
    }
}
