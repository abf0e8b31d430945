package cn.beian.national.domain;

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

/** A website filed in the national registry; its domains are {@link RegistryDomain} rows. */
@Entity
@Table(name = "registry_website")
public class RegistryWebsite {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "website_filing_number", nullable = false, unique = true)
    public String websiteFilingNumber;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingStatus status;

    /** The provider serving it; null for an empty shell. */
    public String provider;

    @Column(name = "principal_name")
    public String principalName;

    @Column(name = "principal_mobile")
    public String principalMobile;

    @Column(name = "filed_on", nullable = false)
    public LocalDate filedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
