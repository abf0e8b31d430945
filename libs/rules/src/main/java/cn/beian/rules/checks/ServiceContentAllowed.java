package cn.beian.rules.checks;

import cn.beian.contract.domain.ServiceContent;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.Map;

/**
 * {@code SERVICE_CONTENT_ALLOWED}: the form's service content ({@link ServiceContent}) is one of {@code allowed},
 * for the subject natures in {@code natures} (empty: every one). A missing service content is the shape check's
 * business. Arguments: {@code {content}} (zh) and {@code {contentEn}}.
 */
final class ServiceContentAllowed implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        List<String> natures = rule.list("natures");
        List<String> allowed = rule.list("allowed");
        if (order.nature() == null || (!natures.isEmpty() && !natures.contains(order.nature().name()))) {
            return;
        }
        for (int i = 0; i < order.websites().size(); i++) {
            ServiceContent c = order.websites().get(i).serviceContent();
            if (c != null && !allowed.contains(c.name())) {
                out.fail("websites[" + i + "].serviceContent", Map.of("content", ContentCategoryWords.zh(c),
                        "contentEn", ContentCategoryWords.en(c)));
            }
        }
    }
}
