package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;

/**
 * {@code REGISTERED_ABROAD}: no domain the order files is registered with a registrar abroad
 * ({@link Facts.DomainFacts#registeredAbroad()}); undetermined when the registry facts do not say.
 */
final class RegisteredAbroad implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        FiledDomains.failWhere(order, facts, out, Facts.DomainFacts::registeredAbroad,
                "注册商所在地未知 / the registrar's country is not known");
    }
}
