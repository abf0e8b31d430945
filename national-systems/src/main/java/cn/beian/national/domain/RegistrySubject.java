package cn.beian.national.domain;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.national.client.FilingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A subject filed in the national registry (at this provider or another). */
@Entity
@Table(name = "registry_subject")
public class RegistrySubject {

    @Id
    public UUID id;

    @Column(name = "subject_filing_number", nullable = false, unique = true)
    public String subjectFilingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubjectNature nature;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_type", nullable = false)
    public CertificateType certificateType;

    @Column(name = "certificate_number", nullable = false)
    public String certificateNumber;

    @Column(nullable = false)
    public String provider;

    @Column(name = "principal_name", nullable = false)
    public String principalName;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_certificate_type")
    public CertificateType principalCertificateType;

    @Column(name = "principal_certificate_number")
    public String principalCertificateNumber;

    @Column(name = "principal_mobile", nullable = false)
    public String principalMobile;

    @Column(name = "principal_email")
    public String principalEmail;

    /** {@link PasswordHasher} format; never the password. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "password_failures", nullable = false)
    public int passwordFailures;

    @Column(name = "password_locked_until")
    public OffsetDateTime passwordLockedUntil;

    @Column(name = "last_website_sequence", nullable = false)
    public int lastWebsiteSequence;

    @Column(name = "filed_on", nullable = false)
    public LocalDate filedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The next website number under this subject: {@code 京ICP备12345678号-3}. */
    public String nextWebsiteFilingNumber() {
        lastWebsiteSequence++;
        return subjectFilingNumber + "-" + lastWebsiteSequence;
    }
}
