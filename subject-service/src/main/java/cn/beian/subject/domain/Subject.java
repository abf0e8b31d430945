package cn.beian.subject.domain;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 主体: who runs the websites. One per account. */
@Entity
@Table(name = "subject")
public class Subject {

    @Id
    public UUID id;

    /** The OIDC subject of the owning account. */
    @Column(name = "account_id", nullable = false, unique = true)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubjectNature nature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    public String city;

    public String district;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_type", nullable = false)
    public CertificateType certificateType;

    @Column(name = "certificate_number", nullable = false)
    public String certificateNumber;

    @Column(name = "certificate_address", nullable = false)
    public String certificateAddress;

    @Column(name = "communication_address", nullable = false)
    public String communicationAddress;

    /** 投资人或主管单位 */
    public String investor;

    public String remarks;

    @Embedded
    public Principal principal;

    /** 法定代表人 of a unit, where the applicant gave one (the province rules compare the principals with it). */
    @Column(name = "legal_person_name")
    public String legalPersonName;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_person_certificate_type")
    public CertificateType legalPersonCertificateType;

    @Column(name = "legal_person_certificate_number")
    public String legalPersonCertificateNumber;

    /** 主体备案号, e.g. {@code 京ICP备12345678号}, once the administration approved the subject. */
    @Column(name = "filing_number")
    public String filingNumber;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    /**
     * When the administration approved the subject's deregistration (注销主体); its number is then cleared, kept
     * here, and the account may file again (a first filing).
     */
    @Column(name = "deregistered_at")
    public OffsetDateTime deregisteredAt;

    /** The number the subject held until its deregistration. */
    @Column(name = "deregistered_filing_number")
    public String deregisteredFilingNumber;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A detached copy (principal included), e.g. to apply a CHANGE order's draft revision without touching this. */
    public Subject copy() {
        Subject c = new Subject();
        c.id = id;
        c.accountId = accountId;
        c.nature = nature;
        c.province = province;
        c.city = city;
        c.district = district;
        c.name = name;
        c.certificateType = certificateType;
        c.certificateNumber = certificateNumber;
        c.certificateAddress = certificateAddress;
        c.communicationAddress = communicationAddress;
        c.investor = investor;
        c.remarks = remarks;
        Principal p = new Principal();
        p.name = principal.name;
        p.certificateType = principal.certificateType;
        p.certificateNumber = principal.certificateNumber;
        p.mobile = principal.mobile;
        p.officePhone = principal.officePhone;
        p.email = principal.email;
        c.principal = p;
        c.legalPersonName = legalPersonName;
        c.legalPersonCertificateType = legalPersonCertificateType;
        c.legalPersonCertificateNumber = legalPersonCertificateNumber;
        c.filingNumber = filingNumber;
        c.approvedAt = approvedAt;
        c.deregisteredAt = deregisteredAt;
        c.deregisteredFilingNumber = deregisteredFilingNumber;
        c.createdAt = createdAt;
        c.updatedAt = updatedAt;
        c.version = version;
        return c;
    }
}
