package cn.beian.rules.conditions;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.validators.ResidentIdNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code AGE_BETWEEN}: the age of {@code who} (default {@code SUBJECT}: a person subject's own ID) on
 * {@link Facts#today()} is at least {@code from} (default 0) and below {@code below} (default no limit), from the birth
 * date in the resident ID number. Unknown without a resident ID number, a readable birth date or a date to judge on.
 */
final class AgeBetween implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        if (facts == null || facts.today() == null) {
            return null;
        }
        int from = Params.integer(params, "from", 0);
        int below = Params.integer(params, "below", Integer.MAX_VALUE);
        People.Who who = People.who(Params.text(params, "who", null), People.Who.SUBJECT);
        List<Boolean> values = new ArrayList<>();
        for (Person p : People.of(order, who, website)) {
            if (p == null || p.certificateType() != CertificateType.RESIDENT_ID) {
                values.add(null);
                continue;
            }
            OptionalInt age = ResidentIdNumbers.ageAt(p.certificateNumber(), facts.today());
            values.add(age.isEmpty() ? null : age.getAsInt() >= from && age.getAsInt() < below);
        }
        return values.isEmpty() ? null : Tri.any(values);
    }
}
