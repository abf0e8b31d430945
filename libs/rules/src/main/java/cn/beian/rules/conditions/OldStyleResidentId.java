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

/**
 * {@code OLD_STYLE_RESIDENT_ID}: someone ({@code who}, default {@code ANY_PERSON}) gives a first-generation,
 * 15-digit resident ID number.
 */
final class OldStyleResidentId implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        People.Who who = People.who(Params.text(params, "who", null), People.Who.ANY_PERSON);
        List<Boolean> values = new ArrayList<>();
        for (Person p : People.of(order, who, website)) {
            values.add(p == null ? null : p.certificateType() == CertificateType.RESIDENT_ID
                    && ResidentIdNumbers.isOldStyle(p.certificateNumber()));
        }
        return Tri.any(values);
    }
}
