package cn.beian.rules.checks;

import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code PRINCIPAL_NOT_ON_OTHER_SUBJECTS}: the principals the rule concerns appear under no other subject in this
 * provider's and the administration's records ({@link Facts#records()}). Parameters: {@code who}
 * ({@link Principals.Who}, default {@code ALL_PRINCIPALS}); {@code by}: what identifies them, any of
 * {@code CERTIFICATE} (a principal on another subject) and {@code MOBILE} (the mobile given for another subject);
 * default both. Without records the rule is undetermined.
 */
final class PrincipalNotOnOtherSubjects implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Principals.Who who = Principals.Who.valueOf(rule.text("who", "ALL_PRINCIPALS"));
        List<String> by = rule.list("by").isEmpty() ? List.of("CERTIFICATE", "MOBILE")
                : rule.list("by").stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        Facts.Records records = facts.records();
        for (Principals.Named p : Principals.of(order, who)) {
            String number = Holders.normalised(p.person().certificateNumber());
            if (by.contains("CERTIFICATE") && number != null) {
                String key = p.key() + ".certificateNumber";
                if (records == null) {
                    out.undetermined(key, "备案记录未查到 / records not looked up");
                } else if (!others(records.subjectsByPrincipal().get(number)).isEmpty()) {
                    out.fail(key, Map.of("what", Masking.certificateNumber(number), "count",
                            String.valueOf(others(records.subjectsByPrincipal().get(number)).size())));
                }
            }
            String mobile = Phones.mobileNational(p.person().mobile()).orElse(null);
            if (by.contains("MOBILE") && mobile != null) {
                String key = p.key() + ".mobile";
                if (records == null) {
                    out.undetermined(key, "备案记录未查到 / records not looked up");
                } else if (!others(records.subjectsByMobile().get(mobile)).isEmpty()) {
                    out.fail(key, Map.of("what", Masking.mobile(mobile), "count",
                            String.valueOf(others(records.subjectsByMobile().get(mobile)).size())));
                }
            }
        }
    }

    private static List<String> others(List<String> subjects) {
        return subjects == null ? List.of() : subjects;
    }
}
