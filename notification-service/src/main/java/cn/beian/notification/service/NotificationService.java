package cn.beian.notification.service;

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
import cn.beian.contract.events.subject.SubjectCreated;
import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Audience;
import cn.beian.notification.domain.Notice;
import cn.beian.notification.domain.OrderContact;
import cn.beian.notification.domain.WebsiteContact;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.platform.inbox.MalformedEventException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Applies one incoming event inside the idempotent consumer's transaction: keeps the contact projection, plans
 * the notices and writes their delivery rows, schedules or stops police-filing reminders. Sending happens after
 * commit ({@link DeliveryDispatcher}). Event types that concern nobody are recorded and otherwise ignored.
 */
@ApplicationScoped
public class NotificationService implements InboxHandler {

    private final ReceivedEventService received;
    private final ContactService contacts;
    private final NoticePlanner planner;
    private final DeliveryWriter writer;
    private final PoliceReminderService police;
    private final NotificationConfig config;

    public NotificationService(ReceivedEventService received, ContactService contacts, NoticePlanner planner,
            DeliveryWriter writer, PoliceReminderService police, NotificationConfig config) {
        this.received = received;
        this.contacts = contacts;
        this.planner = planner;
        this.writer = writer;
        this.police = police;
        this.config = config;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return received.record(event).chain(() -> event.eventType().map(type -> handle(type, event))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Void> handle(EventType type, IncomingEvent e) {
        return switch (type) {
            case SUBJECT_CREATED -> contacts.subjectCreated(e.data(SubjectCreated.class));
            case ORDER_CREATED -> contacts.orderCreated(e.data(OrderCreated.class));
            case ORDER_SUBJECT_OUTLINED -> contacts.subjectOutlined(e.data(OrderSubjectOutlined.class));
            case SUBJECT_SNAPSHOT_FROZEN -> contacts.subjectFrozen(e.data(SubjectSnapshotFrozen.class));
            case WEBSITES_SNAPSHOT_FROZEN -> contacts.websitesFrozen(e.data(WebsitesSnapshotFrozen.class));
            case ORDER_TRANSITIONED -> {
                OrderTransitioned t = e.data(OrderTransitioned.class);
                yield contacts.transitioned(t).chain(() -> notify(e, t.orderId(), planner.transitioned(t)));
            }
            case ORDER_IDLE_MILESTONE_REACHED -> {
                OrderIdleMilestoneReached m = e.data(OrderIdleMilestoneReached.class);
                yield contacts.milestone(m).chain(() -> notify(e, m.orderId(), planner.milestone(m, config.locale())));
            }
            case INITIAL_REVIEW_APPROVED, INITIAL_REVIEW_REJECTED, PHOTO_REVIEW_APPROVED, PHOTO_REVIEW_REJECTED -> {
                ReviewDecided d = e.data(ReviewDecided.class);
                yield contacts.order(orderId(e, d.orderId()))
                        .chain(c -> notify(e, d.orderId(), planner.review(kind(type), d, c)));
            }
            case AUTHORITY_SUBMITTED -> {
                AuthoritySubmitted s = e.data(AuthoritySubmitted.class);
                yield notify(e, orderId(e, s.orderId()), planner.authoritySubmitted(s));
            }
            case AUTHORITY_SMS_VERIFICATION_REQUESTED, AUTHORITY_SMS_VERIFICATION_FAILED -> {
                SmsVerificationChanged s = e.data(SmsVerificationChanged.class);
                yield notify(e, orderId(e, s.orderId()), planner.sms(kind(type), s));
            }
            case AUTHORITY_APPROVED -> {
                AuthorityApproved a = e.data(AuthorityApproved.class);
                yield notify(e, orderId(e, a.orderId()), planner.approved(a)).chain(() -> police.schedule(a));
            }
            case AUTHORITY_REJECTED, AUTHORITY_RETURNED -> {
                AuthorityRejected r = e.data(AuthorityRejected.class);
                yield notify(e, orderId(e, r.orderId()), planner.authorityRejected(kind(type), r));
            }
            case POLICE_NUMBER_RECORDED -> police.stop(e.data(PoliceNumberRecorded.class));
            case FILING_PASSWORD_TRIED -> filingPasswordTried(e, e.data(FilingPasswordTried.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The template kind of an event type: its name without the version, e.g. {@code review.initial-rejected}. */
    static String kind(EventType type) {
        String t = type.type();
        return t.substring(0, t.lastIndexOf('.'));
    }

    private static String orderId(IncomingEvent e, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new MalformedEventException(e.type() + " names no order");
        }
        return orderId;
    }

    /**
     * A notice about a subject rather than an order: its principal, as {@code subject.created} named them (the
     * subject-contact projection), once per event and channel like every other notice.
     */
    private Uni<Void> filingPasswordTried(IncomingEvent e, FilingPasswordTried t) {
        if (t.subjectId() == null) {
            throw new MalformedEventException(e.type() + " names no subject");
        }
        Notice notice = planner.filingPasswordTried(t);
        DeliveryWriter.Source source = new DeliveryWriter.Source(e.id(), e.type(), e.time(), null);
        return contacts.subject(t.subjectId()).chain(subject -> {
            OrderContact contact = new OrderContact();
            contact.accountId = subject != null ? subject.accountId : t.accountId();
            contact.subjectId = t.subjectId();
            if (subject != null) {
                contact.principalName = subject.principalName;
                contact.principalMobile = subject.principalMobile;
                contact.principalEmail = subject.principalEmail;
            }
            return writer.write(source, notice, contact, List.of()).replaceWithVoid();
        });
    }

    private Uni<Void> notify(IncomingEvent e, String orderId, List<Notice> notices) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = e.time();
        DeliveryWriter.Source source = new DeliveryWriter.Source(e.id(), e.type(), at, orderId);
        boolean websites = notices.stream().anyMatch(n -> n.audience().contains(Audience.WEBSITE_PRINCIPAL));
        return contacts.order(orderId).chain(contact -> {
            if (!known(contact)) {
                // The order's recipients come from subject-service's events, on another topic than review-service's;
                // after a restart one topic's partitions may be consumed well before the other's. Writing the notice
                // now would log it UNDELIVERABLE and lose it: fail instead, so the inbox parks this event (and the
                // aggregate's later ones from this producer) and applies it again once the recipients have arrived.
                return Uni.createFrom().failure(new IllegalStateException("order " + orderId + " has no recipients "
                        + "yet (subject-service's order events have not arrived): parked until they do"));
            }
            return (websites ? contacts.websites(orderId)
                : Uni.createFrom().item(List.<WebsiteContact>of())).chain(sites ->
                Multi.createFrom().iterable(notices)
                        .onItem().transformToUniAndConcatenate(n -> writer.write(source, n, contact, sites))
                        .collect().last().replaceWithVoid());
        });
    }

    /** Whether the order's recipients are known: any of the account e-mail, principal mobile or e-mail arrived. */
    private static boolean known(OrderContact c) {
        return c != null && (c.accountEmail != null || c.principalMobile != null || c.principalEmail != null);
    }

}
