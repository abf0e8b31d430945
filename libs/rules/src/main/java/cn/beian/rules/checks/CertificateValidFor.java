package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code CERTIFICATE_VALID_FOR}: the holders' certificates are still valid {@code months} months after
 * {@link Facts#today()} (default 0: valid today). Parameters: {@code beyond} (default {@code false}): valid for
 * <em>more</em> than that, i.e. past that day; {@code whose} ({@link Holders.Whose}, default
 * {@code SUBJECT_AND_PRINCIPALS}); {@code types}: only these certificate types (e.g. {@code [RESIDENT_ID]} for "ID
 * cards"), every type when absent. A certificate without an expiry date (long-term) is not judged.
 */
final class CertificateValidFor implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        int months = rule.integer("months", 0);
        boolean beyond = rule.flag("beyond");
        var types = rule.list("types");
        for (Holders.Holder h : Holders.of(order, Holders.whose(rule.text("whose"),
                Holders.Whose.SUBJECT_AND_PRINCIPALS))) {
            LocalDate until = h.validUntil();
            if (until == null) {
                continue;
            }
            CertificateType type = h.type();
            if (!types.isEmpty() && (type == null || !types.contains(type.name()))) {
                continue;
            }
            String key = h.field("certificateValidUntil");
            if (facts.today() == null) {
                out.undetermined(key, "判断日期未知 / no date to judge on");
                continue;
            }
            LocalDate limit = facts.today().plusMonths(months);
            if (until.isBefore(limit) || (beyond && until.isEqual(limit))) {
                out.fail(key, Map.of("until", until.toString(), "months", String.valueOf(months)));
            }
        }
    }
}
