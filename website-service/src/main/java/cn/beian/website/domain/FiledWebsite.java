package cn.beian.website.domain;

import cn.beian.contract.domain.SubjectNature;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A website the administration approved through this provider, with its number. */
@Entity
@Table(name = "filed_website")
public class FiledWebsite {

    public enum Status {
        /** Filed and served here. */
        ACTIVE,
        /** Access cancelled (取消接入): the number stays at MIIT, the site is no longer served here. */
        ACCESS_CANCELLED,
        /** Deregistered (注销网站 / 注销主体). */
        DEREGISTERED
    }

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "subject_name", nullable = false)
    public String subjectName;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_nature", nullable = false)
    public SubjectNature subjectNature;

    @Column(name = "subject_filing_number")
    public String subjectFilingNumber;

    @Column(name = "website_filing_number", nullable = false)
    public String websiteFilingNumber;

    @Column(nullable = false)
    public String name;

    /** JSON of {@link WebsiteContent} as approved. */
    @Column(nullable = false)
    public String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "approved_at", nullable = false)
    public OffsetDateTime approvedAt;

    @Column(name = "police_filing_number")
    public String policeFilingNumber;

    @Column(name = "police_recorded_at")
    public OffsetDateTime policeRecordedAt;

    @Column(nullable = false)
    public long version;
}
