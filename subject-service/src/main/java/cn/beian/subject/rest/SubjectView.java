package cn.beian.subject.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.privacy.Masking;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A subject as the API shows it. Its owner sees every value; anyone else (staff lists) sees certificate
 * numbers, mobiles, e-mails and, for persons, the name masked.
 *
 * @param filingNumber the subject's filing number (主体备案号) once the administration approved it; public anyway;
 *                     cleared when the subject is deregistered
 * @param deregisteredAt when the administration approved the subject's deregistration (注销主体); the account may
 *                       then file again with a first filing
 * @param deregisteredFilingNumber the number the subject held until then
 */
public record SubjectView(
        String id,
        SubjectNature nature,
        Province province,
        String city,
        String district,
        String name,
        CertificateType certificateType,
        String certificateNumber,
        String certificateAddress,
        String communicationAddress,
        String investor,
        String remarks,
        PrincipalView principal,
        LegalPersonView legalPerson,
        String filingNumber,
        OffsetDateTime approvedAt,
        OffsetDateTime deregisteredAt,
        String deregisteredFilingNumber,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** @param certificateValidUntil the last day the certificate is valid, where given */
    public record PrincipalView(String name, CertificateType certificateType, String certificateNumber, String mobile,
            String officePhone, String email, LocalDate certificateValidUntil) {
    }

    /** 法定代表人; absent where none was given. */
    public record LegalPersonView(String name, CertificateType certificateType, String certificateNumber) {

        static LegalPersonView of(Subject s, boolean masked) {
            if (s.legalPersonName == null) {
                return null;
            }
            return masked ? new LegalPersonView(Masking.personName(s.legalPersonName), s.legalPersonCertificateType,
                    Masking.certificateNumber(s.legalPersonCertificateNumber))
                    : new LegalPersonView(s.legalPersonName, s.legalPersonCertificateType,
                            s.legalPersonCertificateNumber);
        }
    }

    /** The owner's detail view: full values. */
    public static SubjectView full(Subject s) {
        Principal p = s.principal;
        return new SubjectView(s.id.toString(), s.nature, s.province, s.city, s.district, s.name, s.certificateType,
                s.certificateNumber, s.certificateAddress, s.communicationAddress, s.investor, s.remarks,
                new PrincipalView(p.name, p.certificateType, p.certificateNumber, p.mobile, p.officePhone, p.email,
                        p.certificateValidUntil),
                LegalPersonView.of(s, false), s.filingNumber, s.approvedAt, s.deregisteredAt,
                s.deregisteredFilingNumber, s.createdAt, s.updatedAt);
    }

    /** Everyone else's view: personal data masked, addresses left out. */
    public static SubjectView masked(Subject s) {
        Principal p = s.principal;
        String name = s.nature.isUnit() ? s.name : Masking.personName(s.name);
        return new SubjectView(s.id.toString(), s.nature, s.province, s.city, s.district, name, s.certificateType,
                Masking.certificateNumber(s.certificateNumber), null, null, s.investor, null,
                new PrincipalView(Masking.personName(p.name), p.certificateType,
                        Masking.certificateNumber(p.certificateNumber), Masking.mobile(p.mobile),
                        Masking.mobile(p.officePhone), Masking.email(p.email), p.certificateValidUntil),
                LegalPersonView.of(s, true), s.filingNumber, s.approvedAt, s.deregisteredAt,
                s.deregisteredFilingNumber, s.createdAt, s.updatedAt);
    }
}
