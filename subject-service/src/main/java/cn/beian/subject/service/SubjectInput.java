package cn.beian.subject.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.domain.Subject;
import cn.beian.validators.Ages;
import cn.beian.validators.CertificateValidator;
import cn.beian.validators.Emails;
import cn.beian.validators.Phones;
import cn.beian.validators.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A subject as the applicant gives it: a new subject, an edit, or a CHANGE order's draft revision (stored as this
 * record in JSON, so its component names are the stored document's field names). The REST layer has checked
 * presence, sizes and characters; {@link #validated} checks the values.
 */
public record SubjectInput(SubjectNature nature, Province province, String city, String district, String name,
        CertificateType certificateType, String certificateNumber, String certificateAddress,
        String communicationAddress, String investor, String remarks, PrincipalInput principal,
        LegalPersonInput legalPerson) {

    /** A unit's principal younger than {@link Ages#UNIT_PRINCIPAL_MINIMUM}. */
    static final String PRINCIPAL_TOO_YOUNG = "PRINCIPAL_TOO_YOUNG";

    /** 主体负责人. */
    public record PrincipalInput(String name, CertificateType certificateType, String certificateNumber,
            String mobile, String officePhone, String email, LocalDate certificateValidUntil) {
    }

    /** 法定代表人 of a unit. */
    public record LegalPersonInput(String name, CertificateType certificateType, String certificateNumber) {
    }

    /**
     * What Bean Validation cannot check, all at once (one 400 naming every bad field): the certificate kinds, both
     * certificate numbers (format, check character, birth date — {@link CertificateValidator}), the principal's
     * mobile and office phone ({@link Phones}), e-mail ({@link Emails}) and age ({@link Ages}: a unit's principal is at
     * least 16). A person under 18 needs employment proof, a material: accepted here. A resident ID from another
     * province than the subject's is fine (people move).
     *
     * @return the input with normalised values: certificate numbers stripped and upper-case, the mobile as its 11
     *         digits, the office phone as {@code 010-12345678}, the e-mail's domain in lower case
     */
    SubjectInput validated(LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>();
        PrincipalInput p = principal;
        boolean subjectKindFits = certificateType.forUnits() == nature.isUnit();
        if (!subjectKindFits) {
            errors.add(FieldViolation.of("certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    nature.isUnit() ? "field.unit-needs-unit-certificate" : "field.person-needs-personal-certificate"));
        } else {
            // A number is only checked against a type that fits: against the wrong one it would just add noise.
            CertificateValidator.validate(certificateType, certificateNumber, today)
                    .ifPresent(problem -> errors.add(violation("certificateNumber", problem)));
        }
        if (p.certificateType().forUnits()) {
            errors.add(FieldViolation.of("principal.certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    "field.principal-needs-personal-certificate"));
        } else {
            Optional<Problem> problem = CertificateValidator.validate(p.certificateType(), p.certificateNumber(), today);
            problem.ifPresent(x -> errors.add(violation("principal.certificateNumber", x)));
            if (problem.isEmpty() && nature.isUnit()) {
                Ages.assess(p.certificateType(), p.certificateNumber(), today)
                        .filter(age -> !age.mayBeUnitPrincipal())
                        .ifPresent(age -> errors.add(FieldViolation.of("principal.certificateNumber",
                                PRINCIPAL_TOO_YOUNG, "field.principal-too-young",
                                String.valueOf(Ages.UNIT_PRINCIPAL_MINIMUM))));
            }
        }
        Phones.validateMobile(p.mobile()).ifPresent(x -> errors.add(violation("principal.mobile", x)));
        boolean hasOfficePhone = p.officePhone() != null && !p.officePhone().isBlank();
        if (hasOfficePhone) {
            Phones.validateOfficePhone(p.officePhone()).ifPresent(x -> errors.add(violation("principal.officePhone", x)));
        }
        Emails.validate(p.email()).ifPresent(x -> errors.add(violation("principal.email", x)));
        LegalPersonInput l = legalPerson;
        if (l != null && !nature.isUnit()) {
            errors.add(FieldViolation.of("legalPerson", "LEGAL_PERSON_FOR_UNITS_ONLY", "field.legal-person-units-only"));
        } else if (l != null && l.certificateType().forUnits()) {
            errors.add(FieldViolation.of("legalPerson.certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    "field.principal-needs-personal-certificate"));
        } else if (l != null) {
            CertificateValidator.validate(l.certificateType(), l.certificateNumber(), today)
                    .ifPresent(x -> errors.add(violation("legalPerson.certificateNumber", x)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new SubjectInput(nature, province, city, district, name, certificateType,
                CertificateValidator.normalise(certificateNumber), certificateAddress, communicationAddress,
                investor, remarks,
                new PrincipalInput(p.name(), p.certificateType(),
                        CertificateValidator.normalise(p.certificateNumber()),
                        Phones.mobileNational(p.mobile()).orElseThrow(),
                        hasOfficePhone ? Phones.officePhoneNational(p.officePhone()).orElseThrow() : null,
                        Emails.normalise(p.email()).orElseThrow(), p.certificateValidUntil()),
                l == null ? null : new LegalPersonInput(l.name().strip(), l.certificateType(),
                        CertificateValidator.normalise(l.certificateNumber())));
    }

    /**
     * Nature, province and certificate are what an order's filing type was decided on: an edit or a revision that
     * touches them is refused (400 naming each), the applicant opens a new order instead.
     */
    void requireSameIdentity(Subject current) {
        List<FieldViolation> errors = new ArrayList<>();
        if (nature != current.nature) {
            errors.add(FieldViolation.of("nature", "IDENTITY_FIXED", "field.nature-fixed"));
        }
        if (province != current.province) {
            errors.add(FieldViolation.of("province", "IDENTITY_FIXED", "field.province-fixed"));
        }
        if (certificateType != current.certificateType) {
            errors.add(FieldViolation.of("certificateType", "IDENTITY_FIXED", "field.certificate-type-fixed"));
        }
        if (!certificateNumber.equalsIgnoreCase(current.certificateNumber)) {
            errors.add(FieldViolation.of("certificateNumber", "IDENTITY_FIXED", "field.certificate-number-fixed"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.identity-fixed", errors);
        }
    }

    /** Writes these validated values onto {@code s} (a new subject, an edit, or a CHANGE order's revision). */
    void applyTo(Subject s) {
        s.nature = nature;
        s.province = province;
        s.city = city;
        s.district = district;
        s.name = name.strip();
        s.certificateType = certificateType;
        s.certificateNumber = certificateNumber.toUpperCase();
        s.certificateAddress = certificateAddress.strip();
        s.communicationAddress = communicationAddress.strip();
        s.investor = investor;
        s.remarks = remarks;
        var p = s.principal;
        p.name = principal.name().strip();
        p.certificateType = principal.certificateType();
        p.certificateNumber = principal.certificateNumber().toUpperCase();
        p.mobile = principal.mobile();
        p.officePhone = principal.officePhone();
        p.email = principal.email();
        p.certificateValidUntil = principal.certificateValidUntil();
        s.legalPersonName = legalPerson == null ? null : legalPerson.name();
        s.legalPersonCertificateType = legalPerson == null ? null : legalPerson.certificateType();
        s.legalPersonCertificateNumber = legalPerson == null ? null : legalPerson.certificateNumber().toUpperCase();
    }

    private static FieldViolation violation(String field, Problem problem) {
        return FieldViolation.of(field, problem.code(), problem.key(), problem.args().toArray());
    }
}
