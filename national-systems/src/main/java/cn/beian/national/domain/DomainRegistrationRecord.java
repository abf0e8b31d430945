package cn.beian.national.domain;

import cn.beian.contract.domain.CertificateType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the registries (WHOIS, real-name system) hold about a registered domain. */
@Entity
@Table(name = "domain_registration")
public class DomainRegistrationRecord {

    @Id
    public String domain;

    @Column(nullable = false)
    public String registrar;

    @Column(name = "registrant_name", nullable = false)
    public String registrantName;

    @Enumerated(EnumType.STRING)
    @Column(name = "registrant_certificate_type")
    public CertificateType registrantCertificateType;

    @Column(name = "registrant_certificate_number")
    public String registrantCertificateNumber;

    @Column(name = "real_name_verified", nullable = false)
    public boolean realNameVerified;

    @Column(name = "real_name_verified_at")
    public OffsetDateTime realNameVerifiedAt;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "registered_abroad", nullable = false)
    public boolean registeredAbroad;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
