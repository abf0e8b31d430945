package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code REGISTERED_ABROAD}: no domain the order files is registered with a registrar abroad
 * ({@link Facts.DomainFacts#registeredAbroad()}); undetermined when the registry facts do not say.
 */
final class RegisteredAbroad implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        for (FiledDomains.Entry e : FiledDomains.of(order, facts)) {
            Facts.DomainFacts f = FiledDomains.registry(e, facts, out);
            if (f == null || !f.registered()) {
                continue;
            }
            if (f.registeredAbroad() == null) {
                out.undetermined(e.key(), "注册商所在地未知 / the registrar's country is not known");
            } else if (f.registeredAbroad()) {
                out.fail(e.key(), Map.of("domain", e.shown()));
            }
        }
    }
}
