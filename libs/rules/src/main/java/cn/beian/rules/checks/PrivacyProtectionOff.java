package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code PRIVACY_PROTECTION_OFF}: no domain the order files hides its registrant (域名隐私保护,
 * {@link Facts.DomainFacts#privacyProtected()}), so that the administration can compare the registrant with the
 * subject; undetermined when the registry facts do not say.
 */
final class PrivacyProtectionOff implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        for (FiledDomains.Entry e : FiledDomains.of(order, facts)) {
            Facts.DomainFacts f = FiledDomains.registry(e, facts, out);
            if (f == null || !f.registered()) {
                continue;
            }
            if (f.privacyProtected() == null) {
                out.undetermined(e.key(), "隐私保护状态未知 / whether privacy protection is on is not known");
            } else if (f.privacyProtected()) {
                out.fail(e.key(), Map.of("domain", e.shown()));
            }
        }
    }
}
