package cn.beian.website.domain;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An order as website-service learned it from subject-service's events. */
@Entity
@Table(name = "order_projection")
public class OrderProjection {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "subject_id")
    public String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingType type;

    /**
     * What a CHANGE order changes (docs/domain.md §3.4), from {@code order.created}: which fields of its websites may
     * be edited. Null for other types and for change orders opened before changes had a kind.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    @Enumerated(EnumType.STRING)
    public SubjectNature nature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Column(name = "initial_review_passed", nullable = false)
    public boolean initialReviewPassed;

    /** The order.subject-outlined payload as JSON. */
    public String subject;

    @Column(name = "subject_revision", nullable = false)
    public long subjectRevision;

    @Column(name = "websites_version", nullable = false)
    public long websitesVersion;

    /** The newest websites version that was complete (announced ready); null since a version that was not. */
    @Column(name = "ready_version")
    public Long websitesReadyVersion;

    @Column(name = "frozen_version")
    public Long frozenVersion;

    /**
     * The registry could not answer for one of the domains at the last judgement (a transient outage, not the
     * applicant's fault): when {@code RegistryRecheckJob} asks it again. Null when nothing waits on the registry.
     */
    @Column(name = "registry_recheck_at")
    public OffsetDateTime registryRecheckAt;

    /**
     * The filing numbers a cancel-access or deregister-website order picked that this service had not yet recorded as
     * filed when the order was opened (their approval's event was still on its way), comma-separated; they join the
     * order when it arrives. {@code null} when none waits.
     */
    @Column(name = "awaited_filing_numbers")
    public String awaitedFilingNumbers;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * Websites may be edited (docs/domain.md §3.2). An access filing's websites are pre-filled from the registry and
     * their filed data (number, name, domains) is refused by {@code WebsiteService} with DATA_FROM_EXISTING_FILING;
     * the applicant adds the rest, servers included.
     */
    public boolean editable() {
        return state.contentsEditable();
    }

    /**
     * A cancel-access or deregistration order: it only removes approved websites, named when it was opened, so its
     * websites are neither edited nor judged as a filing's (a legacy name or a suffix refused since may be removed).
     */
    public boolean removesOnly() {
        return removesOnly(type);
    }

    /** Cancel access, deregister website, deregister subject (docs/domain.md §3.3). */
    public static boolean removesOnly(FilingType type) {
        return type == FilingType.CANCEL_ACCESS || type == FilingType.DEREGISTER_WEBSITE
                || type == FilingType.DEREGISTER_SUBJECT;
    }
}
