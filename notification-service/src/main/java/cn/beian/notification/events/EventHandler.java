package cn.beian.notification.events;

import static cn.beian.contract.events.EventType.AUTHORITY_APPROVED;
import static cn.beian.contract.events.EventType.AUTHORITY_REJECTED;
import static cn.beian.contract.events.EventType.AUTHORITY_RETURNED;
import static cn.beian.contract.events.EventType.AUTHORITY_SMS_VERIFICATION_FAILED;
import static cn.beian.contract.events.EventType.AUTHORITY_SMS_VERIFICATION_REQUESTED;
import static cn.beian.contract.events.EventType.AUTHORITY_SMS_VERIFIED;
import static cn.beian.contract.events.EventType.AUTHORITY_SUBMITTED;
import static cn.beian.contract.events.EventType.FILING_PASSWORD_TRIED;
import static cn.beian.contract.events.EventType.INITIAL_REVIEW_APPROVED;
import static cn.beian.contract.events.EventType.INITIAL_REVIEW_REJECTED;
import static cn.beian.contract.events.EventType.ORDER_CREATED;
import static cn.beian.contract.events.EventType.ORDER_IDLE_MILESTONE_REACHED;
import static cn.beian.contract.events.EventType.ORDER_SUBJECT_OUTLINED;
import static cn.beian.contract.events.EventType.ORDER_TRANSITIONED;
import static cn.beian.contract.events.EventType.PHOTO_REVIEW_APPROVED;
import static cn.beian.contract.events.EventType.PHOTO_REVIEW_REJECTED;
import static cn.beian.contract.events.EventType.POLICE_NUMBER_RECORDED;
import static cn.beian.contract.events.EventType.SUBJECT_CHECK_FINDING_RAISED;
import static cn.beian.contract.events.EventType.SUBJECT_CREATED;
import static cn.beian.contract.events.EventType.SUBJECT_SNAPSHOT_FROZEN;
import static cn.beian.contract.events.EventType.WEBSITES_SNAPSHOT_FROZEN;
import static cn.beian.contract.events.EventType.WEBSITE_PROBE_FINDING_RAISED;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.authority.AuthoritySubmitted;
import cn.beian.contract.events.authority.SmsVerificationChanged;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.events.subject.FilingPasswordTried;
import cn.beian.contract.events.subject.SubjectCheckFindingRaised;
import cn.beian.contract.events.subject.SubjectCreated;
import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.contract.events.website.WebsiteProbeFindingRaised;
import cn.beian.notification.service.ContactService;
import cn.beian.notification.service.NotificationService;
import cn.beian.notification.service.PoliceReminderService;
import cn.beian.platform.inbox.EventRoutes;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Applies one incoming event inside the idempotent consumer's transaction (the platform's inbox records it for
 * operators): hands it to the service method of its type — the contact projections, the notices (delivery rows,
 * sent after commit), the police-filing reminders. Every other type is passed over.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final EventRoutes routes;

    public EventHandler(ContactService contacts, NotificationService notifications, PoliceReminderService police) {
        this.routes = new EventRoutes()
                .on(SUBJECT_CREATED, e -> contacts.subjectCreated(e.data(SubjectCreated.class)))
                .on(ORDER_CREATED, e -> contacts.orderCreated(e.data(OrderCreated.class)))
                .on(ORDER_SUBJECT_OUTLINED, e -> contacts.subjectOutlined(e.data(OrderSubjectOutlined.class)))
                .on(SUBJECT_SNAPSHOT_FROZEN, e -> contacts.subjectFrozen(e.data(SubjectSnapshotFrozen.class)))
                .on(WEBSITES_SNAPSHOT_FROZEN, e -> contacts.websitesFrozen(e.data(WebsitesSnapshotFrozen.class)))
                .on(ORDER_TRANSITIONED, e -> notifications.transitioned(e, e.data(OrderTransitioned.class)))
                .on(ORDER_IDLE_MILESTONE_REACHED,
                        e -> notifications.milestone(e, e.data(OrderIdleMilestoneReached.class)))
                .on(List.of(INITIAL_REVIEW_APPROVED, INITIAL_REVIEW_REJECTED, PHOTO_REVIEW_APPROVED,
                        PHOTO_REVIEW_REJECTED),
                        e -> notifications.reviewDecided(e, type(e), e.data(ReviewDecided.class)))
                .on(AUTHORITY_SUBMITTED, e -> notifications.authoritySubmitted(e, e.data(AuthoritySubmitted.class)))
                .on(List.of(AUTHORITY_SMS_VERIFICATION_REQUESTED, AUTHORITY_SMS_VERIFIED,
                        AUTHORITY_SMS_VERIFICATION_FAILED),
                        e -> notifications.smsVerification(e, type(e), e.data(SmsVerificationChanged.class)))
                .on(AUTHORITY_APPROVED, e -> notifications.authorityApproved(e, e.data(AuthorityApproved.class)))
                .on(List.of(AUTHORITY_REJECTED, AUTHORITY_RETURNED),
                        e -> notifications.authorityRejected(e, type(e), e.data(AuthorityRejected.class)))
                .on(POLICE_NUMBER_RECORDED, e -> police.stop(e.data(PoliceNumberRecorded.class)))
                .on(WEBSITE_PROBE_FINDING_RAISED,
                        e -> notifications.probeFinding(e, e.data(WebsiteProbeFindingRaised.class)))
                .on(FILING_PASSWORD_TRIED,
                        e -> notifications.filingPasswordTried(e, e.data(FilingPasswordTried.class)))
                .on(SUBJECT_CHECK_FINDING_RAISED,
                        e -> notifications.subjectCheckFinding(e, e.data(SubjectCheckFindingRaised.class)));
    }

    @Override
    public boolean handles(IncomingEvent event) {
        return routes.handles(event);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return routes.apply(event);
    }

    /** A routed event's type: routes are only ever taken by events of a type this build knows. */
    private static EventType type(IncomingEvent e) {
        return e.eventType().orElseThrow();
    }
}
