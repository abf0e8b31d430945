package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.regex.Pattern;

/**
 * {@code ADDRESS_DOOR_NUMBER}: the subject's communication address is precise to the door number — a number (Arabic,
 * full-width or Chinese numerals, or a letter: B座) followed by 号, 室, 栋, 幢, 单元, 楼, 层, 座, 户 or 弄 — or the subject remark says the
 * address is already the most detailed one (the remark names 通信地址 and contains {@code 最详细} … {@code 地址}, 004's
 * and 002's wordings). Parameter {@code remarkAlternative} (default {@code true}): whether that remark is accepted.
 * A missing address is the shape check's business.
 */
final class AddressDoorNumber implements Check {

    static final Pattern DOOR = Pattern.compile(
            "[0-9０-９A-Za-zＡ-Ｚ一二三四五六七八九十百零〇]+\\s*(?:[-－—#＃][0-9０-９A-Za-z]+\\s*)*[#＃]?\\s*"
                    + "(?:号|室|栋|幢|单元|楼|层|座|户|弄)");
    private static final Pattern MOST_DETAILED = Pattern.compile("通信地址.{0,8}最详细的?地址");

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || s.communicationAddress() == null || s.communicationAddress().isBlank()) {
            return;
        }
        if (preciseToDoor(s.communicationAddress())) {
            return;
        }
        boolean remarkAccepted = rule.params().get("remarkAlternative") == null || rule.flag("remarkAlternative");
        if (remarkAccepted && saysMostDetailed(s.remarks())) {
            return;
        }
        out.fail("subject.communicationAddress");
    }

    static boolean preciseToDoor(String address) {
        return address != null && DOOR.matcher(address).find();
    }

    static boolean saysMostDetailed(String remark) {
        return remark != null && MOST_DETAILED.matcher(remark.replaceAll("\\s", "")).find();
    }
}
