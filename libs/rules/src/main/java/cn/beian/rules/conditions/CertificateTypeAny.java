package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code CERTIFICATE_TYPE_ANY}: the certificate of {@code who} (default {@code ANY_PERSON}) is one of {@code types}
 * (names of {@link cn.beian.contract.domain.CertificateType}). Unknown when the person or the type is missing and no
 * other person matches.
 */
final class CertificateTypeAny implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        List<String> types = Params.list(params, "types");
        People.Who who = People.who(Params.text(params, "who", null), People.Who.ANY_PERSON);
        List<Boolean> values = new ArrayList<>();
        for (Person p : People.of(order, who, website)) {
            values.add(p == null || p.certificateType() == null ? null : types.contains(p.certificateType().name()));
        }
        return Tri.any(values);
    }
}
