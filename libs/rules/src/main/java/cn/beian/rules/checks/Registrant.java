package cn.beian.rules.checks;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.OrderDocument.Subject;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import cn.beian.validators.CertificateValidator;
import java.util.Map;

/**
 * {@code REGISTRANT}: who may hold (be the registrant of) each domain the order files, by the registry's real-name data
 * ({@link Facts#domains()}). Parameter {@code may}:
 * <ul>
 * <li>{@code APPLICANT} — the subject itself (a person: same name, certificate type and number);</li>
 * <li>{@code UNIT_NAME} — the subject itself; for a unit, its full name (or certificate), a legal person's name is not
 * enough;</li>
 * <li>{@code UNIT_OR_LEGAL_PERSON} — the subject, or the unit's legal person ({@code subject.legalPerson});</li>
 * <li>{@code UNIT_LEGAL_PERSON_OR_PRINCIPAL} — also the subject principal;</li>
 * <li>{@code SUBJECT_OR_PRINCIPAL} — the subject or the subject principal (the national rule, X-18);</li>
 * <li>{@code APPLICANT_IF_PERSON} — a registrant that is an individual must be the subject principal (or the subject
 * person); a unit registrant is not judged.</li>
 * </ul>
 * A person subject is always judged as the applicant. A domain the registry was not asked about, or did not answer
 * for, is undetermined; an unregistered domain is the registration check's business.
 */
final class Registrant implements Check {

    enum May {
        APPLICANT, UNIT_NAME, UNIT_OR_LEGAL_PERSON, UNIT_LEGAL_PERSON_OR_PRINCIPAL, SUBJECT_OR_PRINCIPAL,
        APPLICANT_IF_PERSON
    }

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        Subject s = order.subject();
        if (s == null) {
            return;
        }
        May may = May.valueOf(rule.text("may", "APPLICANT"));
        for (FiledDomains.Entry e : FiledDomains.of(order, facts)) {
            Facts.DomainFacts f = FiledDomains.registry(e, facts, out);
            if (f == null || !f.registered()) {
                continue;
            }
            if (blank(f.registrantName())) {
                out.undetermined(e.key(), "注册局未给出持有者 / the registry gave no registrant for " + e.shown());
                continue;
            }
            Boolean ok = allowed(may, s, f);
            if (ok == null) {
                out.undetermined(e.key(), "持有者证件类型未知 / the registrant's certificate type is unknown");
            } else if (!ok) {
                out.fail(e.key(), Map.of("domain", e.shown(), "holder", shownHolder(f)));
            }
        }
    }

    /** Whether the registrant may hold the domain; {@code null} when it cannot be told. */
    static Boolean allowed(May may, Subject s, Facts.DomainFacts f) {
        boolean subject = isSubject(s, f);
        boolean principal = samePerson(s.principal(), f);
        boolean unit = s.nature() != null && s.nature().isUnit();
        if (!unit) {
            // A person files in their own name: the applicant (who is also the principal).
            if (may == May.APPLICANT_IF_PERSON) {
                Boolean individual = individual(s, f);
                return individual == null ? null : !individual || subject || principal;
            }
            return subject;
        }
        boolean legalPerson = samePerson(s.legalPerson(), f);
        return switch (may) {
            case APPLICANT, UNIT_NAME -> subject;
            case UNIT_OR_LEGAL_PERSON -> subject || legalPerson;
            case UNIT_LEGAL_PERSON_OR_PRINCIPAL -> subject || legalPerson || principal;
            case SUBJECT_OR_PRINCIPAL -> subject || principal;
            case APPLICANT_IF_PERSON -> {
                Boolean individual = individual(s, f);
                yield individual == null ? null : !individual || subject || principal;
            }
        };
    }

    /** The registrant is the subject: a person by name and certificate, a unit by its name or certificate number. */
    static boolean isSubject(Subject s, Facts.DomainFacts f) {
        if (s.nature() != null && s.nature().isUnit()) {
            return sameName(s.name(), f.registrantName())
                    || sameNumber(s.certificateNumber(), f.registrantCertificateNumber());
        }
        return samePerson(new Person(s.name(), s.certificateType(), s.certificateNumber(), null, null, null, null), f);
    }

    /**
     * Same person: the same name and, where the registry gives them, the same certificate type and number (the
     * registry's real-name data normally does; a name alone is accepted only when it gives none).
     */
    static boolean samePerson(Person p, Facts.DomainFacts f) {
        if (p == null || !sameName(p.name(), f.registrantName())) {
            return false;
        }
        if (f.registrantCertificateType() != null && p.certificateType() != null
                && f.registrantCertificateType() != p.certificateType()) {
            return false;
        }
        return blank(f.registrantCertificateNumber())
                || sameNumber(p.certificateNumber(), f.registrantCertificateNumber());
    }

    /** Whether the registrant is an individual; {@code null} when the registry does not say and the name is no help. */
    private static Boolean individual(Subject s, Facts.DomainFacts f) {
        CertificateType t = f.registrantCertificateType();
        if (t != null) {
            return !t.forUnits();
        }
        if (isSubject(s, f) && s.nature() != null && s.nature().isUnit()) {
            return false;
        }
        return null;
    }

    /** A unit's name as registered; an individual's masked. */
    static String shownHolder(Facts.DomainFacts f) {
        boolean unit = f.registrantCertificateType() != null && f.registrantCertificateType().forUnits();
        return unit ? f.registrantName().strip() : Masking.personName(f.registrantName().strip());
    }

    static boolean sameName(String a, String b) {
        return !blank(a) && !blank(b) && normalName(a).equals(normalName(b));
    }

    private static String normalName(String s) {
        return s.replace('（', '(').replace('）', ')').replace("\u3000", "").replaceAll("\\s+", "");
    }

    private static boolean sameNumber(String a, String b) {
        if (blank(a) || blank(b)) {
            return false;
        }
        try {
            return CertificateValidator.normalise(a).equals(CertificateValidator.normalise(b));
        } catch (RuntimeException e) {
            return a.strip().equalsIgnoreCase(b.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
