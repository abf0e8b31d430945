package cn.beian.rules.conditions;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.validators.ResidentIdNumbers;
import cn.beian.validators.SocialCreditCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CERTIFICATE_OUTSIDE_PROVINCE}: the certificate of {@code who} (default {@code SUBJECT}) was issued in another
 * province than the order's: a resident ID's region (digits 1–2) or a unified social credit code's (characters 3–4).
 * {@code passportCounts: true} makes a passport count as "outside" (Shanghai: foreigners need a residence permit too).
 * Unknown for certificates that carry no region (other permits, old codes) and for malformed numbers.
 */
final class CertificateOutsideProvince implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        if (order.province() == null) {
            return null;
        }
        People.Who who = People.who(Params.text(params, "who", null), People.Who.SUBJECT);
        boolean passportCounts = Params.flag(params, "passportCounts");
        List<Boolean> values = new ArrayList<>();
        for (Person p : People.of(order, who, website)) {
            values.add(outside(p, order.province(), passportCounts));
        }
        return values.isEmpty() ? null : Tri.any(values);
    }

    static Boolean outside(Person p, Province province, boolean passportCounts) {
        if (p == null || p.certificateType() == null) {
            return null;
        }
        if (p.certificateType() == CertificateType.PASSPORT && passportCounts) {
            return true;
        }
        Optional<Province> issued = switch (p.certificateType()) {
            case RESIDENT_ID -> ResidentIdNumbers.province(p.certificateNumber());
            case BUSINESS_LICENSE -> SocialCreditCodes.province(p.certificateNumber());
            default -> Optional.empty();
        };
        return issued.map(i -> i != province).orElse(null);
    }
}
