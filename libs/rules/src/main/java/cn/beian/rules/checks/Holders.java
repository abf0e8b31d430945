package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The certificate holders of an order with the field key of each record: the subject itself ({@code subject}), the
 * subject principal ({@code subject.principal}), the legal person ({@code subject.legalPerson}) and each website's own
 * principal ({@code websites[i].principal}). A person filing as a person is also the subject principal: a principal
 * whose certificate number is the subject's is the subject, reported once under {@code subject}.
 */
final class Holders {

    /** Whose certificates a rule concerns ({@code whose} parameter). */
    enum Whose {
        /** the subject's own certificate (a person's ID card, a unit's licence) */
        SUBJECT,
        /** the subject principal only */
        SUBJECT_PRINCIPAL,
        /** every principal (subject and website principals) */
        PRINCIPALS,
        /** the subject and every principal */
        SUBJECT_AND_PRINCIPALS,
        /** the unit's legal person */
        LEGAL_PERSON
    }

    /** One holder: the key of its record, its certificate, and the person's record ({@code null} for a unit). */
    record Holder(String key, CertificateType type, String number, LocalDate validUntil, Person person) {

        String field(String name) {
            return key + "." + name;
        }
    }

    private Holders() {
    }

    static Whose whose(String value, Whose otherwise) {
        if (value == null) {
            return otherwise;
        }
        return Whose.valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    static List<Holder> of(OrderDocument order, Whose whose) {
        List<Holder> out = new ArrayList<>();
        OrderDocument.Subject s = order.subject();
        if (s == null) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        if (whose == Whose.SUBJECT || whose == Whose.SUBJECT_AND_PRINCIPALS) {
            out.add(new Holder("subject", s.certificateType(), s.certificateNumber(), s.certificateValidUntil(),
                    null));
            if (s.nature() != null && !s.nature().isUnit() && normalised(s.certificateNumber()) != null) {
                // a person's subject record is the person: the principal record is the same certificate
                seen.add(normalised(s.certificateNumber()));
            }
        }
        if (whose == Whose.PRINCIPALS || whose == Whose.SUBJECT_AND_PRINCIPALS) {
            for (Principals.Named p : Principals.of(order, Principals.Who.ALL_PRINCIPALS)) {
                Person person = p.person();
                String n = normalised(person.certificateNumber());
                if (n != null && seen.contains(n) && whose == Whose.SUBJECT_AND_PRINCIPALS
                        && "subject.principal".equals(p.key())) {
                    continue;
                }
                out.add(new Holder(p.key(), person.certificateType(), person.certificateNumber(),
                        person.certificateValidUntil(), person));
            }
        }
        if (whose == Whose.SUBJECT_PRINCIPAL && s.principal() != null) {
            Person p = s.principal();
            out.add(new Holder("subject.principal", p.certificateType(), p.certificateNumber(),
                    p.certificateValidUntil(), p));
        }
        if (whose == Whose.LEGAL_PERSON && s.legalPerson() != null) {
            Person l = s.legalPerson();
            out.add(new Holder("subject.legalPerson", l.certificateType(), l.certificateNumber(),
                    l.certificateValidUntil(), l));
        }
        return out;
    }

    /** A certificate number stripped and upper-cased; {@code null} when blank. */
    static String normalised(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        return number.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether two records are the same person, by certificate number. */
    static boolean samePerson(Person a, Person b) {
        if (a == null || b == null) {
            return false;
        }
        if (a == b) {
            return true;
        }
        String x = normalised(a.certificateNumber());
        return x != null && x.equals(normalised(b.certificateNumber()));
    }
}
