package cn.beian.subject.domain;

import cn.beian.contract.privacy.Fingerprints;
import cn.beian.contract.domain.Province;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** 备案订单: one application of one filing type, for the account's subject. */
@Entity
@Table(name = "filing_order")
public class FilingOrder {

    /** {@link #initiatedBy} of an order the provider opened: it submits it, the applicant does not act on it. */
    public static final String PROVIDER = "PROVIDER";

    /** How long an order may wait on the applicant in one step (docs/domain.md §3). */
    public static final Duration VALIDITY = Duration.ofDays(45);

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingType type;

    /**
     * What a CHANGE order changes (docs/domain.md §3.4), given when it was opened; null for other types and for change
     * orders opened before changes had a kind (which may change anything).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    /** Back in initial review after an authority rejection (a re-review, due within 1 business day). */
    @Column(nullable = false)
    public boolean rereview;

    /** The curtain photo was approved and still holds. */
    @Column(name = "photo_approved", nullable = false)
    public boolean photoApproved;

    /** website-service's version of this order's websites judged complete; {@code null} until then. */
    @Column(name = "websites_ready_version")
    public Long websitesReadyVersion;

    /** materials-service's version of this order's materials judged complete; {@code null} until then. */
    @Column(name = "materials_ready_version")
    public Long materialsReadyVersion;

    /** website-service's findings on the order's websites (the contract's {@code Finding} list as JSON), latest version. */
    @Column(name = "websites_findings")
    public String websitesFindings;

    /** The websites version {@link #websitesFindings} were judged at; {@code null} before the first announcement. */
    @Column(name = "websites_findings_version")
    public Long websitesFindingsVersion;

    /** materials-service's findings on the order's materials (JSON), latest version. */
    @Column(name = "materials_findings")
    public String materialsFindings;

    /**
     * A CHANGE order's websites: how many of their fields differ from the approved websites, at
     * {@link #websitesFindingsVersion} (website-service's announcement); null until announced and for other types.
     */
    @Column(name = "websites_changes")
    public Integer websitesChanges;

    @Column(name = "materials_findings_version")
    public Long materialsFindingsVersion;

    /** When the national system confirmed the filing password for this order; never the password itself. */
    @Column(name = "filing_password_verified_at")
    public OffsetDateTime filingPasswordVerifiedAt;

    /** The account's e-mail from its token when the order was opened or last submitted (for notifications). */
    @Column(name = "account_email")
    public String accountEmail;

    /** 1 after the first submission, +1 per resubmission: the version of the subject snapshot frozen each time. */
    @Column(name = "submission_count", nullable = false)
    public int submissionCount;

    /** When the order entered its current state: where its idle days, expiry and deadlines count from. */
    @Column(name = "state_entered_at", nullable = false)
    public OffsetDateTime stateSince;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * The administration's approval with the numbers it issued ({@code authority.approved} as JSON); null until
     * then.
     */
    public String approval;

    /**
     * The websites a cancel-access or deregister-website order is about, as the applicant picked them, or the ones an
     * access filing takes over from another provider, as the registry holds them: a JSON list of website filing
     * numbers; null for every other type.
     */
    public String websites;

    /**
     * The subject's existing number in the administration's registry, for an access filing or a new website whose
     * subject was filed at another provider (docs/domain.md §2): read when the order was opened, sent with each
     * submission. Null for every other type (their subject holds its number here, or has none yet).
     */
    @Column(name = "registry_subject_number")
    public String registrySubjectNumber;

    /** {@link #PROVIDER} for a cancel-access order the provider opened itself (a prepared order staff confirmed). */
    @Column(name = "initiated_by")
    public String initiatedBy;

    /** Optimistic locking only: background facts (the account's e-mail, a verified password) move it too. */
    @Version
    public long version;

    /** A time as the database keeps it (microseconds), so that a fresh and a stored order give the same tag. */
    private static String micros(OffsetDateTime t) {
        return String.valueOf(t.toInstant().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The order's ETag: a fingerprint of what its applicant sees and acts on — state, step, deadlines' bases, whether
     * its websites and materials are complete, its numbers. It does not move when a background fact the view does not
     * show arrives, nor when a part is judged again at a new version and stays complete (submission freezes whatever
     * complete versions there are then), so an applicant's action after an idle minute is not refused as stale.
     * It moves when the order's findings do ({@code findings}: their fingerprint, {@code OrderFindings}), since the
     * view lists them and submission is refused with them.
     */
    public String viewTag(String findings) {
        String seen = String.join("|", id.toString(), String.valueOf(subjectId), String.valueOf(type),
                String.valueOf(province), String.valueOf(state), String.valueOf(rereview), String.valueOf(photoApproved),
                micros(stateSince), micros(updatedAt),
                String.valueOf(websitesReadyVersion != null), String.valueOf(materialsReadyVersion != null),
                String.valueOf(submissionCount), String.valueOf(approval), String.valueOf(findings));
        return Fingerprints.of(seen, 12);
    }

    /** Whether the provider opened the order itself (a confirmed prepared cancel-access order). */
    public boolean providerInitiated() {
        return PROVIDER.equals(initiatedBy);
    }

    /**
     * The applicant's moves on the provider's own order: none while the provider's order runs; once review or the
     * administration refused it, or it expired, the applicant may clear it (abandon), so that it does not hold the
     * account's one order in flight for ever.
     */
    public Set<OrderTrigger> providerOrderApplicantMoves() {
        return EnumSet.of(OrderState.INITIAL_REJECTED, OrderState.AUTHORITY_REJECTED, OrderState.EXPIRED)
                .contains(state) ? Set.of(OrderTrigger.ABANDON) : Set.of();
    }

    /** Zhejiang orders never expire (docs/domain.md §3). */
    public boolean expiryExempt() {
        return province == Province.ZHEJIANG;
    }

    public OrderStateMachine.Context context() {
        return new OrderStateMachine.Context(type, rereview, photoApproved, expiryExempt());
    }

    /** When the current step expires, or {@code null} where it does not. */
    public OffsetDateTime expiresAt() {
        return state.expires() && !expiryExempt() ? stateSince.plus(VALIDITY) : null;
    }
}
