package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code EXISTING_SITES_SHOW_NUMBER}: every already-approved website of the subject ({@link Facts#existingSites()})
 * answers, shows its filing number and links that number to the administration's public site. Reported on {@code $}
 * (the sites are not in the order), one finding per site; undetermined when the sites were not probed or a probe
 * could not judge a site ({@code problem}).
 */
final class ExistingSitesShowNumber implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        if (facts.existingSites() == null) {
            out.undetermined("$", "已备案网站尚未检测 / the subject's approved websites were not probed");
            return;
        }
        for (Facts.ExistingSite site : facts.existingSites()) {
            if (site == null) {
                continue;
            }
            String domain = site.domain() == null ? "?" : site.domain();
            String number = site.filingNumber() == null ? "?" : site.filingNumber();
            if (site.problem() != null) {
                out.undetermined("$", "无法检测 " + domain + " / could not probe " + domain + ": " + site.problem());
            } else if (!site.reachable()) {
                fail(out, domain, number, "无法打开", "does not open");
            } else if (!site.showsNumber()) {
                fail(out, domain, number, "首页底部未显示备案号", "does not show its filing number in the footer");
            } else if (!site.linksToMiit()) {
                fail(out, domain, number, "备案号未链接到 beian.miit.gov.cn",
                        "shows its number without a link to beian.miit.gov.cn");
            }
        }
    }

    private static void fail(Verdicts out, String domain, String number, String zh, String en) {
        out.fail("$", Map.of("site", domain, "number", number, "problemZh", zh, "problemEn", en));
    }
}
