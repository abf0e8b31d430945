package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code WEBSITE_NAME_PREFIX_NEEDS_SUBJECT}: a website name that begins with one of the {@code prefixes} (a place
 * name only a unit of that level may lead with) needs the subject's name to contain the same word. Argument
 * {@code {prefix}}. A missing name or subject name is the shape check's business.
 */
final class WebsiteNamePrefixNeedsSubject implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        String subject = order.subject() == null ? null : order.subject().name();
        if (subject == null || subject.isBlank()) {
            return;
        }
        for (int i = 0; i < order.websites().size(); i++) {
            String name = order.websites().get(i).name();
            if (name == null) {
                continue;
            }
            for (String prefix : rule.list("prefixes")) {
                if (name.strip().startsWith(prefix) && !subject.contains(prefix)) {
                    out.fail("websites[" + i + "].name", Map.of("prefix", prefix));
                    break;
                }
            }
        }
    }
}
