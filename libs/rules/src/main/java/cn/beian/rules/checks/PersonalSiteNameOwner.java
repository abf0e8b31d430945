package cn.beian.rules.checks;

import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PERSONAL_SITE_NAME_OWNER}: a person's website name of the allowed shape ({@code pattern}, a regular
 * expression with a group named {@code owner}, e.g. "张三的个人网站") names the applicant, not someone else.
 * Names of other shapes are not this rule's business. Argument {@code {owner}}: the name found, masked.
 */
final class PersonalSiteNameOwner implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        String pattern = rule.text("pattern");
        if (s == null || s.nature() != SubjectNature.PERSON || s.name() == null || s.name().isBlank()
                || pattern == null) {
            return;
        }
        Pattern p = Pattern.compile(pattern);
        for (int i = 0; i < order.websites().size(); i++) {
            String name = order.websites().get(i).name();
            if (name == null) {
                continue;
            }
            Matcher m = p.matcher(name.strip());
            if (m.matches() && !m.group("owner").strip().equals(s.name().strip())) {
                out.fail("websites[" + i + "].name", Map.of("owner", Masking.personName(m.group("owner").strip())));
            }
        }
    }
}
