package cn.beian.notification.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.authority.AuthoritySubmitted;
import cn.beian.contract.events.authority.SmsVerificationChanged;
import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.subject.FilingPasswordTried;
import cn.beian.contract.events.subject.SubjectCheckFindingRaised;
import cn.beian.contract.events.website.WebsiteProbeFindingRaised;
import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Audience;
import cn.beian.notification.domain.Notice;
import cn.beian.notification.domain.OrderProjection;
import cn.beian.notification.domain.WebsiteContact;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.platform.inbox.MalformedEventException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The notices an event calls for: planned, addressed from the contact projections and written as delivery rows,
 * inside the idempotent consumer's transaction. Sending happens after commit ({@link DeliveryDispatcher}).
 */
@ApplicationScoped
public class NotificationService {

    private final ContactService contacts;
    private final NoticePlanner planner;
    private final DeliveryWriter writer;
    private final PoliceReminderService police;
    private final NotificationConfig config;

    public NotificationService(ContactService contacts, NoticePlanner planner, DeliveryWriter writer,
            PoliceReminderService police, NotificationConfig config) {
        this.contacts = contacts;
        this.planner = planner;
        this.writer = writer;
        this.police = police;
        this.config = config;
    }

    public Uni<Void> transitioned(IncomingEvent e, OrderTransitioned t) {
        return contacts.transitioned(t).chain(() -> notify(e, t.orderId(), planner.transitioned(t), false));
    }

    public Uni<Void> milestone(IncomingEvent e, OrderIdleMilestoneReached m) {
        return contacts.milestone(m).chain(() -> notify(e, m.orderId(), planner.milestone(m, config.locale()), false));
    }

    public Uni<Void> reviewDecided(IncomingEvent e, EventType type, ReviewDecided d) {
        return contacts.order(orderId(d.orderId()))
                .chain(c -> notify(e, d.orderId(), planner.review(kind(type), d, c), true));
    }

    public Uni<Void> authoritySubmitted(IncomingEvent e, AuthoritySubmitted s) {
        return notify(e, orderId(s.orderId()), planner.authoritySubmitted(s), true);
    }

    public Uni<Void> smsVerification(IncomingEvent e, EventType type, SmsVerificationChanged s) {
        return notify(e, orderId(s.orderId()), planner.sms(kind(type), s), true);
    }

    /** The approval's notices, and the police-filing reminders of its websites scheduled. */
    public Uni<Void> authorityApproved(IncomingEvent e, AuthorityApproved a) {
        return contacts.order(orderId(a.orderId()))
                .chain(c -> notify(e, orderId(a.orderId()), planner.approved(a, c), true))
                .chain(() -> police.schedule(a));
    }

    public Uni<Void> authorityRejected(IncomingEvent e, EventType type, AuthorityRejected r) {
        return notify(e, orderId(r.orderId()), planner.authorityRejected(kind(type), r), true);
    }

    /** A probe's new finding on a filed website: told to the people of the order that filed it. */
    public Uni<Void> probeFinding(IncomingEvent e, WebsiteProbeFindingRaised f) {
        Notice notice = planner.probeFinding(f);
        return notify(e, orderId(f.orderId()), notice == null ? List.of() : List.of(notice), true);
    }

    /**
     * A subject check's finding: told to the applicant of the subject's latest approved order, or, where the event
     * names none, to the subject's principal as {@code subject.created} named them.
     */
    public Uni<Void> subjectCheckFinding(IncomingEvent e, SubjectCheckFindingRaised f) {
        if (f.subjectId() == null) {
            throw new MalformedEventException(e.type() + " names no subject");
        }
        Notice notice = planner.subjectCheckFinding(f);
        if (f.orderId() != null) {
            return notify(e, orderId(f.orderId()), List.of(notice), true);
        }
        DeliveryWriter.Source source = new DeliveryWriter.Source(e.id(), e.type(), e.time(), null);
        return contacts.subject(f.subjectId()).chain(subject -> {
            OrderProjection contact = new OrderProjection();
            contact.accountId = subject != null ? subject.accountId : f.accountId();
            contact.subjectId = f.subjectId();
            if (subject != null) {
                contact.principalName = subject.principalName;
                contact.principalMobile = subject.principalMobile;
                contact.principalEmail = subject.principalEmail;
            }
            return writer.write(source, notice, contact, List.of()).replaceWithVoid();
        });
    }

    /** The template kind of an event type: its name without the version, e.g. {@code review.initial-rejected}. */
    static String kind(EventType type) {
        String t = type.type();
        return t.substring(0, t.lastIndexOf('.'));
    }

    /** The event's order id, checked: anything but a UUID is a malformed event. */
    private static String orderId(String orderId) {
        EventIds.orderId(orderId);
        return orderId;
    }

    /**
     * A notice about a subject rather than an order: its principal, as {@code subject.created} named them (the
     * subject-contact projection), once per event and channel like every other notice.
     */
    public Uni<Void> filingPasswordTried(IncomingEvent e, FilingPasswordTried t) {
        if (t.subjectId() == null) {
            throw new MalformedEventException(e.type() + " names no subject");
        }
        Notice notice = planner.filingPasswordTried(t);
        DeliveryWriter.Source source = new DeliveryWriter.Source(e.id(), e.type(), e.time(), null);
        return contacts.subject(t.subjectId()).chain(subject -> {
            // Not stored: only the recipients' holder the writer takes, filled from the subject's contact.
            OrderProjection contact = new OrderProjection();
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

    /**
     * Writes the notices' deliveries. {@code outcome}: the event is a review or authority outcome, which follows a
     * submission, so the submission snapshot's recipients (the account e-mail among them) must be here first.
     */
    private Uni<Void> notify(IncomingEvent e, String orderId, List<Notice> notices, boolean outcome) {
        if (notices.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = e.time();
        DeliveryWriter.Source source = new DeliveryWriter.Source(e.id(), e.type(), at, orderId);
        boolean websites = notices.stream().anyMatch(n -> n.audience().contains(Audience.WEBSITE_PRINCIPAL));
        return contacts.order(orderId).chain(contact -> {
            if (outcome ? contact == null || !contact.frozen : !known(contact)) {
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
    private static boolean known(OrderProjection c) {
        return c != null && (c.accountEmail != null || c.principalMobile != null || c.principalEmail != null);
    }

}
