package cn.beian.contract.events;

import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.authority.AuthoritySubmitted;
import cn.beian.contract.events.authority.SmsVerificationChanged;
import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.readiness.PartReady;
import cn.beian.contract.events.review.ReviewCaseChanged;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.server.AuthorizationCodeMinted;
import cn.beian.contract.events.server.AuthorizationCodeReleased;
import cn.beian.contract.events.server.AuthorizationCodeReserved;
import cn.beian.contract.events.server.AuthorizationCodeSpent;
import cn.beian.contract.events.snapshot.MaterialsManifestFrozen;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.events.subject.FilingPasswordTried;
import cn.beian.contract.events.subject.SubjectCheckFindingRaised;
import cn.beian.contract.events.subject.SubjectCreated;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.contract.events.website.WebsiteEmptyShellPastGrace;
import cn.beian.contract.events.website.WebsiteProbeFindingRaised;
import cn.beian.contract.events.website.WebsiteProbeFindingResolved;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event Beian publishes: its CloudEvents type (a versioned fact in the past tense), the topic of its
 * owner, the aggregate it is keyed by and its payload record. Producers and consumers both use this table,
 * so no schema is ever copied by hand.
 */
public enum EventType {

    SUBJECT_CREATED("subject.created.v1", Topics.SUBJECT_EVENTS, AggregateType.SUBJECT, SubjectCreated.class),
    /* Another account tried the subject's filing password here; the owner is told (at most once an hour). */
    FILING_PASSWORD_TRIED("subject.filing-password-tried.v1", Topics.SUBJECT_EVENTS, AggregateType.SUBJECT,
            FilingPasswordTried.class),
    /* An approved subject's check found what needs a change filing (a principal's certificate expired). */
    SUBJECT_CHECK_FINDING_RAISED("subject.check-finding-raised.v1", Topics.SUBJECT_EVENTS, AggregateType.SUBJECT,
            SubjectCheckFindingRaised.class),
    ORDER_CREATED("order.created.v1", Topics.SUBJECT_EVENTS, AggregateType.ORDER, OrderCreated.class),
    ORDER_TRANSITIONED("order.transitioned.v1", Topics.SUBJECT_EVENTS, AggregateType.ORDER, OrderTransitioned.class),

    /* The subject an order files for, for website- and materials-service's checks (re-sent when it changes). */
    ORDER_SUBJECT_OUTLINED("order.subject-outlined.v1", Topics.SUBJECT_EVENTS, AggregateType.ORDER,
            OrderSubjectOutlined.class),
    /* website-service: the outline of an order's websites after each change, for materials-service. */
    ORDER_WEBSITES_CHANGED("website.order-websites-changed.v1", Topics.WEBSITE_EVENTS, AggregateType.ORDER,
            OrderWebsitesChanged.class),

    /* The snapshots frozen at submission (docs/architecture.md → Submission), from which review-service builds a case. */
    SUBJECT_SNAPSHOT_FROZEN("subject.snapshot-frozen.v1", Topics.SUBJECT_EVENTS, AggregateType.ORDER,
            SubjectSnapshotFrozen.class),
    WEBSITES_SNAPSHOT_FROZEN("website.snapshot-frozen.v1", Topics.WEBSITE_EVENTS, AggregateType.ORDER,
            WebsitesSnapshotFrozen.class),
    MATERIALS_MANIFEST_FROZEN("material.manifest-frozen.v1", Topics.MATERIALS_EVENTS, AggregateType.ORDER,
            MaterialsManifestFrozen.class),
    /* website-service: an approved website's public-security filing number was recorded. */
    POLICE_NUMBER_RECORDED("website.police-number-recorded.v1", Topics.WEBSITE_EVENTS, AggregateType.WEBSITE,
            PoliceNumberRecorded.class),
    /* website-service: a probe of a filed website found something new wrong with it (the applicant is told). */
    WEBSITE_PROBE_FINDING_RAISED("website.probe-finding-raised.v1", Topics.WEBSITE_EVENTS, AggregateType.WEBSITE,
            WebsiteProbeFindingRaised.class),
    /* website-service: a finding raised earlier is no longer found (once per finding). */
    WEBSITE_PROBE_FINDING_RESOLVED("website.probe-finding-resolved.v1", Topics.WEBSITE_EVENTS, AggregateType.WEBSITE,
            WebsiteProbeFindingResolved.class),
    /* website-service: an empty shell still open past its grace period; subject-service prepares a cancel-access order. */
    WEBSITE_EMPTY_SHELL_PAST_GRACE("website.empty-shell-past-grace.v1", Topics.WEBSITE_EVENTS, AggregateType.WEBSITE,
            WebsiteEmptyShellPastGrace.class),

    /* website-service and materials-service: readiness of their part of an order. */
    ORDER_WEBSITES_READINESS_CHANGED("website.order-readiness-changed.v1", Topics.WEBSITE_EVENTS, AggregateType.ORDER,
            PartReady.class),
    ORDER_MATERIALS_READINESS_CHANGED("material.order-readiness-changed.v1", Topics.MATERIALS_EVENTS,
            AggregateType.ORDER, PartReady.class),
    PHOTO_SUBMITTED("material.photo-submitted.v1", Topics.MATERIALS_EVENTS, AggregateType.ORDER,
            PhotoSubmitted.class),

    /* review-service: the provider's reviews and the administration's outcomes (through the authority gateway). */
    REVIEW_CASE_OPENED("review.case-opened.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, ReviewCaseChanged.class),
    REVIEW_CASE_CLAIMED("review.case-claimed.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, ReviewCaseChanged.class),
    REVIEW_CASE_RELEASED("review.case-released.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER,
            ReviewCaseChanged.class),
    INITIAL_REVIEW_APPROVED("review.initial-approved.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER,
            ReviewDecided.class),
    INITIAL_REVIEW_REJECTED("review.initial-rejected.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER,
            ReviewDecided.class),
    PHOTO_REVIEW_APPROVED("review.photo-approved.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, ReviewDecided.class),
    PHOTO_REVIEW_REJECTED("review.photo-rejected.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, ReviewDecided.class),
    AUTHORITY_SMS_VERIFICATION_REQUESTED("authority.sms-verification-requested.v1", Topics.REVIEW_EVENTS,
            AggregateType.ORDER, SmsVerificationChanged.class),
    AUTHORITY_SMS_VERIFIED("authority.sms-verified.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER,
            SmsVerificationChanged.class),
    /* The codes were not verified in 24 h or the 6th was wrong; an AUTHORITY_RETURNED follows. */
    AUTHORITY_SMS_VERIFICATION_FAILED("authority.sms-verification-failed.v1", Topics.REVIEW_EVENTS,
            AggregateType.ORDER, SmsVerificationChanged.class),
    AUTHORITY_SUBMITTED("authority.submitted.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER,
            AuthoritySubmitted.class),
    AUTHORITY_APPROVED("authority.approved.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, AuthorityApproved.class),
    AUTHORITY_REJECTED("authority.rejected.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, AuthorityRejected.class),
    /* Returned by the administration (reason SMS_NOT_VERIFIED, or sent back unexamined): AUTHORITY_REJECTED too. */
    AUTHORITY_RETURNED("authority.returned.v1", Topics.REVIEW_EVENTS, AggregateType.ORDER, AuthorityRejected.class),

    /* subject-service: the order clock (docs/domain.md §3 "Validity") and servers' authorization codes (§1). */
    ORDER_IDLE_MILESTONE_REACHED("order.idle-milestone-reached.v1", Topics.SUBJECT_EVENTS, AggregateType.ORDER,
            OrderIdleMilestoneReached.class),
    AUTHORIZATION_CODE_MINTED("server.authorization-code-minted.v1", Topics.SUBJECT_EVENTS, AggregateType.SERVER,
            AuthorizationCodeMinted.class),
    AUTHORIZATION_CODE_RESERVED("server.authorization-code-reserved.v1", Topics.SUBJECT_EVENTS,
            AggregateType.SERVER, AuthorizationCodeReserved.class),
    AUTHORIZATION_CODE_RELEASED("server.authorization-code-released.v1", Topics.SUBJECT_EVENTS,
            AggregateType.SERVER, AuthorizationCodeReleased.class),
    AUTHORIZATION_CODE_SPENT("server.authorization-code-spent.v1", Topics.SUBJECT_EVENTS, AggregateType.SERVER,
            AuthorizationCodeSpent.class),

    /*
     * notification-service: an applicant confirmed a mobile number by the SMS code sent to it; subject- and
     * website-service let orders with that mobile be submitted (MOBILE_UNCONFIRMED clears).
     */
    MOBILE_CONFIRMED("mobile.confirmed.v1", Topics.NOTIFICATION_EVENTS, AggregateType.ACCOUNT,
            MobileConfirmed.class),
    /*
     * notification-service: the SMS provider's delivery reports say an account's mobile no longer receives SMS;
     * subject-service raises MOBILE_UNDELIVERABLE on the filed subjects whose principal has it, website-service on the
     * filed websites whose own principal has it.
     */
    MOBILE_UNDELIVERABLE("mobile.undeliverable.v1", Topics.NOTIFICATION_EVENTS, AggregateType.ACCOUNT,
            MobileUndeliverable.class);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final String topic;
    private final AggregateType aggregateType;
    private final Class<? extends EventPayload> payloadType;

    EventType(String type, String topic, AggregateType aggregateType, Class<? extends EventPayload> payloadType) {
        this.type = type;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public AggregateType aggregateType() {
        return aggregateType;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The event type with this CloudEvents type, if Beian knows it (consumers count and skip unknown types). */
    public static Optional<EventType> fromType(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    /**
     * The event type whose payload is this record, where only one type uses it; payloads shared by several types
     * (a review decision, a readiness change) must be appended with their type named.
     */
    public static EventType of(EventPayload payload) {
        EventType found = null;
        for (EventType t : values()) {
            if (t.payloadType == payload.getClass()) {
                if (found != null) {
                    throw new IllegalArgumentException(payload.getClass().getSimpleName()
                            + " serves several event types: name the type");
                }
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No event type for payload " + payload.getClass().getName());
        }
        return found;
    }
}
