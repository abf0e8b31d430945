package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code MATERIAL_SIGNED_WITHIN}: each uploaded document of {@code kind} (default {@code VERIFICATION_FORM}) was signed
 * no more than {@code months} (default 6) months before the day of judging. Reported on {@code materials.<kind>};
 * a document whose signing date was not read is undetermined; no such document is the materials rules' business.
 */
final class MaterialSignedWithin implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        String kind = rule.text("kind", "VERIFICATION_FORM");
        int months = rule.integer("months", 6);
        String key = "materials." + kind;
        for (OrderDocument.UploadedMaterial m : order.materials()) {
            if (m == null || !kind.equals(m.kind())) {
                continue;
            }
            if (m.signedOn() == null || facts.today() == null) {
                out.undetermined(key, "签署日期未知 / the signing date was not read from the document");
            } else if (m.signedOn().plusMonths(months).isBefore(facts.today())) {
                out.fail(key, Map.of("signedOn", m.signedOn().toString(), "months", String.valueOf(months)));
            }
        }
    }
}
