package cn.beian.rules.checks;

import cn.beian.contract.domain.SubjectNature;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * {@code WEBSITE_NAME_EQUALS_SUBJECT}: the website name is the subject's name (compared without blanks, full-width
 * forms as half-width). Parameter {@code natures}: the subject natures it judges (empty: every one). Argument
 * {@code {subject}}: the subject's name (a unit's, never a person's: persons are not judged when
 * {@code natures} leaves them out).
 */
final class WebsiteNameEqualsSubject implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        List<String> natures = rule.list("natures");
        if (s == null || s.name() == null || s.name().isBlank() || s.nature() == null
                || (!natures.isEmpty() && !natures.contains(s.nature().name()))) {
            return;
        }
        String subject = same(s.name());
        for (int i = 0; i < order.websites().size(); i++) {
            String name = order.websites().get(i).name();
            if (name != null && !name.isBlank() && !same(name).equals(subject)) {
                out.fail("websites[" + i + "].name", Map.of("subject",
                        s.nature() == SubjectNature.PERSON ? cn.beian.contract.privacy.Masking.personName(s.name())
                                : s.name().strip()));
            }
        }
    }

    private static String same(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }
}
