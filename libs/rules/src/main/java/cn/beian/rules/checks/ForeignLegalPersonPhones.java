package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.Phones;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code FOREIGN_LEGAL_PERSON_PHONES}: a legal person holding a foreign certificate (a passport or a foreigner's
 * permanent residence card) gives mainland numbers: the mobile a mainland mobile, the office phone a mainland fixed
 * line or mobile — on the legal person's record and on the subject principal's where the principal is the legal
 * person. Whether the numbers connect and the mobile is the person's own is the reviewer's judgement.
 */
final class ForeignLegalPersonPhones implements Check {

    private static final Set<CertificateType> FOREIGN = Set.of(CertificateType.PASSPORT,
            CertificateType.FOREIGNER_PERMANENT_RESIDENCE);

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || s.legalPerson() == null || s.legalPerson().certificateType() == null
                || !FOREIGN.contains(s.legalPerson().certificateType())) {
            return;
        }
        Map<String, Person> records = new LinkedHashMap<>();
        if (s.principal() != null && Holders.samePerson(s.principal(), s.legalPerson())) {
            records.put("subject.principal", s.principal());
        }
        records.put("subject.legalPerson", s.legalPerson());
        Person principal = records.get("subject.principal");
        records.forEach((key, p) -> {
            boolean repeat = p != principal && principal != null;
            if (p.mobile() != null && !p.mobile().isBlank() && !Phones.isMainlandMobile(p.mobile())
                    && !(repeat && Objects.equals(p.mobile(), principal.mobile()))) {
                out.fail(key + ".mobile", Map.of("phone", PhoneAreas.mask(p.mobile())));
            }
            String office = p.officePhone();
            if (office != null && !office.isBlank() && !Phones.isOfficePhone(office) && !Phones.isMainlandMobile(office)
                    && !(repeat && Objects.equals(office, principal.officePhone()))) {
                out.fail(key + ".officePhone", Map.of("phone", PhoneAreas.mask(office)));
            }
        });
    }
}
