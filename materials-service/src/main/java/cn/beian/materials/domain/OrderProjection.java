package cn.beian.materials.domain;

import cn.beian.contract.domain.CertificateType;
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

/**
 * What materials-service knows of an order, from order.created / order.transitioned / order.subject-outlined
 * (subject-service), website.order-websites-changed (website-service) and review-service's case claims: enough to
 * say which materials it needs, who owns it, who may read it under review, and what may change in its state. Keeps
 * no certificate numbers. Filled only from events; the table keeps its first name.
 */
@Entity
@Table(name = "material_order")
public class OrderProjection {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    public FilingType type;

    /** What a CHANGE order changes (from {@code order.created}); null for other types and older change orders. */
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;

    @Enumerated(EnumType.STRING)
    public Province province;

    @Enumerated(EnumType.STRING)
    public SubjectNature nature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Column(name = "state_since", nullable = false)
    public OffsetDateTime stateSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_certificate_type")
    public CertificateType subjectCertificateType;

    /** The province a resident ID's region code names (residence permits, X-16); null for other certificates. */
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_certificate_province")
    public Province subjectCertificateProvince;

    @Column(name = "principal_needs_employment", nullable = false)
    public boolean principalNeedsEmployment;

    @Column(name = "subject_revision", nullable = false)
    public long subjectRevision;

    /** website-service's outline of the order's websites (OrderWebsitesChanged.websites as JSON). */
    @Column(name = "websites_json", nullable = false)
    public String websitesJson = "[]";

    @Column(name = "websites_version", nullable = false)
    public long websitesVersion;

    @Column(name = "materials_version", nullable = false)
    public long materialsVersion;

    @Column(name = "published_ready", nullable = false)
    public boolean publishedReady;

    @Column(name = "published_version")
    public Long publishedVersion;

    /** A fingerprint of the findings last announced with the readiness (a new list is announced even when not ready). */
    @Column(name = "published_findings")
    public String publishedFindings;

    @Column(name = "purged_at")
    public OffsetDateTime purgedAt;

    /** The reviewer holding the live claim of the order's review case (review-service's events); null when none. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /**
     * A cancel-access order the provider opened itself ({@code order.created}'s {@code initiatedBy}): it needs no
     * materials from the applicant.
     */
    @Column(name = "provider_initiated", nullable = false)
    public boolean providerInitiated;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Reviewers read the materials of orders under review only (the provider's reviews and the authority's). */
    public boolean underReview() {
        return state == OrderState.INITIAL_REVIEW || state == OrderState.PHOTO_REVIEW
                || state == OrderState.AUTHORITY_REVIEW;
    }

    /** Whether a material of this kind may be added, replaced or removed now (docs/domain.md §3.2). */
    public boolean accepts(MaterialKind kind) {
        return purgedAt == null && (kind.isCurtainPhoto() ? state.photoEditable() : state.contentsEditable());
    }
}
