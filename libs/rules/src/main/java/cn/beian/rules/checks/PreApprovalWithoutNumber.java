package cn.beian.rules.checks;

import cn.beian.contract.domain.PreApprovalType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.Map;

/**
 * {@code PRE_APPROVAL_WITHOUT_NUMBER}: a pre-approval entered with a "no number" word ({@code noNumberWords},
 * e.g. 无) is accepted only for the types in {@code allowedTypes} (documents the authority issues without a number).
 * Arguments: {@code {type}} (zh) and {@code {typeEn}}. A blank number is the shape check's business.
 */
final class PreApprovalWithoutNumber implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        List<String> words = rule.list("noNumberWords");
        List<String> allowed = rule.list("allowedTypes");
        for (int i = 0; i < order.websites().size(); i++) {
            List<OrderDocument.PreApproval> list = order.websites().get(i).preApprovals();
            for (int j = 0; j < list.size(); j++) {
                OrderDocument.PreApproval p = list.get(j);
                if (p == null || p.type() == null || p.documentNumber() == null
                        || !words.contains(WhichRemark.compact(p.documentNumber()))
                        || allowed.contains(p.type().name())) {
                    continue;
                }
                PreApprovalType t = p.type();
                out.fail("websites[" + i + "].preApprovals[" + j + "].documentNumber",
                        Map.of("type", t.chineseName(), "typeEn", t.englishName()));
            }
        }
    }
}
