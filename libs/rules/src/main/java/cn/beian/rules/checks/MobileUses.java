package cn.beian.rules.checks;

import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code MOBILE_USES}: a principal's mobile is used by one person only — within this order and, by
 * {@link Facts#records()}, under other subjects — and for at most {@code maxUses} subjects in all, this one included
 * (default 2). Without records only the order itself is judged, and the records part is undetermined.
 */
final class MobileUses implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        int maxUses = rule.integer("maxUses", 2);
        Facts.Records records = facts.records();
        Map<String, OrderDocument.Person> firstHolder = new HashMap<>();
        for (Principals.Named p : Principals.of(order, Principals.Who.ALL_PRINCIPALS)) {
            String mobile = Phones.mobileNational(p.person().mobile()).orElse(null);
            if (mobile == null) {
                continue;
            }
            String key = p.key() + ".mobile";
            Map<String, String> args = Map.of("mobile", Masking.mobile(mobile), "max", String.valueOf(maxUses));
            OrderDocument.Person before = firstHolder.putIfAbsent(mobile, p.person());
            if (before != null && before != p.person() && !Holders.samePerson(before, p.person())) {
                out.fail(key, args);
                continue;
            }
            if (before != null) {
                continue; // the same person's mobile again: judged once
            }
            if (records == null) {
                out.undetermined(key, "备案记录未查到 / records not looked up");
                continue;
            }
            String self = Holders.normalised(p.person().certificateNumber());
            List<String> holders = records.holdersByMobile().getOrDefault(mobile, List.of());
            boolean otherPerson = holders.stream().map(Holders::normalised)
                    .anyMatch(h -> h != null && !h.equals(self));
            int uses = 1 + records.subjectsByMobile().getOrDefault(mobile, List.of()).size();
            if (otherPerson || uses > maxUses) {
                out.fail(key, args);
            }
        }
    }
}
