package cn.beian.notification.events;

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
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one incoming event inside the idempotent consumer's transaction (the platform's inbox records it for
 * operators): hands it to the service method of its type — the contact projections, the notices (delivery rows,
 * sent after commit), the police-filing reminders. Types that concern nobody are ignored.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final ContactService contacts;
    private final NotificationService notifications;
    private final PoliceReminderService police;

    public EventHandler(ContactService contacts, NotificationService notifications, PoliceReminderService police) {
        this.contacts = contacts;
        this.notifications = notifications;
        this.police = police;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return event.eventType().map(type -> handle(type, event)).orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> handle(EventType type, IncomingEvent e) {
        return switch (type) {
            case SUBJECT_CREATED -> contacts.subjectCreated(e.data(SubjectCreated.class));
            case ORDER_CREATED -> contacts.orderCreated(e.data(OrderCreated.class));
            case ORDER_SUBJECT_OUTLINED -> contacts.subjectOutlined(e.data(OrderSubjectOutlined.class));
            case SUBJECT_SNAPSHOT_FROZEN -> contacts.subjectFrozen(e.data(SubjectSnapshotFrozen.class));
            case WEBSITES_SNAPSHOT_FROZEN -> contacts.websitesFrozen(e.data(WebsitesSnapshotFrozen.class));
            case ORDER_TRANSITIONED -> notifications.transitioned(e, e.data(OrderTransitioned.class));
            case ORDER_IDLE_MILESTONE_REACHED -> notifications.milestone(e, e.data(OrderIdleMilestoneReached.class));
            case INITIAL_REVIEW_APPROVED, INITIAL_REVIEW_REJECTED, PHOTO_REVIEW_APPROVED, PHOTO_REVIEW_REJECTED ->
                    notifications.reviewDecided(e, type, e.data(ReviewDecided.class));
            case AUTHORITY_SUBMITTED -> notifications.authoritySubmitted(e, e.data(AuthoritySubmitted.class));
            case AUTHORITY_SMS_VERIFICATION_REQUESTED, AUTHORITY_SMS_VERIFIED, AUTHORITY_SMS_VERIFICATION_FAILED ->
                    notifications.smsVerification(e, type, e.data(SmsVerificationChanged.class));
            case AUTHORITY_APPROVED -> notifications.authorityApproved(e, e.data(AuthorityApproved.class));
            case AUTHORITY_REJECTED, AUTHORITY_RETURNED ->
                    notifications.authorityRejected(e, type, e.data(AuthorityRejected.class));
            case POLICE_NUMBER_RECORDED -> police.stop(e.data(PoliceNumberRecorded.class));
            case WEBSITE_PROBE_FINDING_RAISED ->
                    notifications.probeFinding(e, e.data(WebsiteProbeFindingRaised.class));
            case FILING_PASSWORD_TRIED -> notifications.filingPasswordTried(e, e.data(FilingPasswordTried.class));
            case SUBJECT_CHECK_FINDING_RAISED ->
                    notifications.subjectCheckFinding(e, e.data(SubjectCheckFindingRaised.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
