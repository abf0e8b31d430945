package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.OrderDocument.PhotoChannel;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code APP_VERIFICATION_ALLOWED}: verification in the administration's app ({@code photoChannel: APP}) is chosen
 * only where it is offered instead of a photo: a person filing with a resident ID card, or a unit whose websites all
 * have one and the same website principal, who gives a resident ID card. Any other channel is not this rule's; a
 * missing certificate type is the shape check's business.
 */
final class AppVerificationAllowed implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (order.photoChannel() != PhotoChannel.APP || s == null || s.nature() == null) {
            return;
        }
        if (!s.nature().isUnit()) {
            if (s.certificateType() != null && s.certificateType() != CertificateType.RESIDENT_ID) {
                out.fail("photoChannel", Map.of("whyZh", "个人须以居民身份证备案", "whyEn",
                        "a person must file with a resident ID card"));
            }
            return;
        }
        Set<String> principals = new HashSet<>();
        boolean idCards = true;
        for (Principals.Named p : Principals.of(order, Principals.Who.WEBSITE_PRINCIPALS)) {
            Person person = p.person();
            if (person.certificateType() == null) {
                return;
            }
            idCards &= person.certificateType() == CertificateType.RESIDENT_ID;
            principals.add(person.certificateNumber() != null
                    ? person.certificateNumber().strip().toUpperCase(Locale.ROOT)
                    : String.valueOf(person.name()));
        }
        if (principals.size() > 1) {
            out.fail("photoChannel", Map.of("whyZh", "各网站须为同一网站负责人", "whyEn",
                    "all websites must have the same website principal"));
        } else if (!idCards) {
            out.fail("photoChannel", Map.of("whyZh", "网站负责人须以居民身份证备案", "whyEn",
                    "the website principal must give a resident ID card"));
        }
    }
}
