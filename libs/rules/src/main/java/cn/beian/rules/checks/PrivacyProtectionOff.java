package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;

/**
 * {@code PRIVACY_PROTECTION_OFF}: no domain the order files hides its registrant (域名隐私保护,
 * {@link Facts.DomainFacts#privacyProtected()}), so that the administration can compare the registrant with the
 * subject; undetermined when the registry facts do not say.
 */
final class PrivacyProtectionOff implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        FiledDomains.failWhere(order, facts, out, Facts.DomainFacts::privacyProtected,
                "隐私保护状态未知 / whether privacy protection is on is not known");
    }
}
