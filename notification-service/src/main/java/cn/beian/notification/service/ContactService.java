package cn.beian.notification.service;

import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.events.subject.SubjectCreated;
import cn.beian.notification.domain.OrderProjection;
import cn.beian.notification.domain.SubjectContact;
import cn.beian.notification.domain.WebsiteContact;
import cn.beian.notification.repository.OrderProjectionRepository;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The projections of who to reach — about an order (its {@link OrderProjection}), its websites and a subject —
 * kept from subject- and website-service's events inside the consumer's transaction. An order's events share a key, so one consumer applies them in order.
 */
@ApplicationScoped
public class ContactService {

    private final OrderProjectionRepository orders;
    private final BeianClock clock;

    public ContactService(OrderProjectionRepository orders, BeianClock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public Uni<Void> subjectCreated(SubjectCreated e) {
        if (e.subjectId() == null || e.accountId() == null) {
            throw new MalformedEventException("subject.created names no subject or account");
        }
        return Panache.getSession().chain(s -> s.find(SubjectContact.class, e.subjectId()).chain(found -> {
            SubjectContact c = found != null ? found : new SubjectContact();
            c.subjectId = e.subjectId();
            c.accountId = e.accountId();
            if (e.principal() != null) {
                c.principalName = e.principal().name();
                c.principalMobile = e.principal().mobile();
                c.principalEmail = e.principal().email();
            }
            c.updatedAt = clock.now();
            return found != null ? Uni.createFrom().voidItem() : s.persist(c);
        }));
    }

    public Uni<Void> orderCreated(OrderCreated e) {
        if (e.orderId() == null || e.subjectId() == null || e.type() == null) {
            throw new MalformedEventException("order.created names no order, subject or type");
        }
        return Panache.getSession().chain(s -> s.find(SubjectContact.class, e.subjectId()).chain(subject ->
                update(e.orderId(), c -> {
                    c.accountId = e.accountId();
                    c.subjectId = e.subjectId();
                    c.filingType = e.type().name();
                    c.province = e.province() == null ? null : e.province().name();
                    if (subject != null && c.principalMobile == null && c.principalEmail == null) {
                        c.principalName = subject.principalName;
                        c.principalMobile = subject.principalMobile;
                        c.principalEmail = subject.principalEmail;
                    }
                })));
    }

    public Uni<Void> subjectOutlined(OrderSubjectOutlined e) {
        return update(e.orderId(), c -> {
            c.accountId = e.accountId();
            c.subjectId = e.subjectId();
            c.filingType = e.type() == null ? c.filingType : e.type().name();
            c.province = e.province() == null ? c.province : e.province().name();
            principal(c, e.principal());
        });
    }

    public Uni<Void> subjectFrozen(SubjectSnapshotFrozen e) {
        return update(e.orderId(), c -> {
            c.accountId = e.accountId();
            c.frozen = true;
            if (e.accountEmail() != null) {
                c.accountEmail = e.accountEmail();
            }
            c.filingType = e.type() == null ? c.filingType : e.type().name();
            c.province = e.province() == null ? c.province : e.province().name();
            if (e.subject() != null) {
                c.subjectId = e.subject().subjectId();
                principal(c, e.subject().principal());
            }
        });
    }

    public Uni<Void> transitioned(OrderTransitioned e) {
        return updateIfChanged(e.orderId(), c -> Objects.equals(c.accountId, e.accountId())
                && (e.type() == null || e.type().name().equals(c.filingType))
                && (e.province() == null || e.province().name().equals(c.province)), c -> {
            c.accountId = e.accountId();
            if (e.type() != null) {
                c.filingType = e.type().name();
            }
            if (e.province() != null) {
                c.province = e.province().name();
            }
        });
    }

    public Uni<Void> milestone(OrderIdleMilestoneReached e) {
        return updateIfChanged(e.orderId(), c -> Objects.equals(c.accountId, e.accountId()),
                c -> c.accountId = e.accountId());
    }

    /** Replaces the order's websites with those frozen at (re)submission. */
    public Uni<Void> websitesFrozen(WebsitesSnapshotFrozen e) {
        if (e.orderId() == null || e.websites() != null && e.websites().stream().anyMatch(w -> w.websiteId() == null)) {
            throw new MalformedEventException("website.snapshot-frozen names no order or a website without id");
        }
        return Panache.getSession().chain(s -> s.createMutationQuery("delete from WebsiteContact where orderId = :o")
                .setParameter("o", e.orderId()).executeUpdate()
                .chain(() -> Multi.createFrom().iterable(e.websites() == null ? List.<WebsitesSnapshotFrozen.Website>of()
                                : e.websites())
                        .onItem().transformToUniAndConcatenate(w -> {
                            WebsiteContact c = new WebsiteContact();
                            c.orderId = e.orderId();
                            c.websiteId = w.websiteId();
                            c.websiteName = w.name();
                            c.domain = w.domains() == null || w.domains().isEmpty() ? null : w.domains().get(0);
                            if (w.principal() != null) {
                                c.principalName = w.principal().name();
                                c.principalMobile = w.principal().mobile();
                                c.principalEmail = w.principal().email();
                            }
                            return s.persist(c);
                        })
                        .collect().last().replaceWithVoid()));
    }

    /** A subject's principal contact, from {@code subject.created}; {@code null} if that has not arrived. */
    public Uni<SubjectContact> subject(String subjectId) {
        return Panache.getSession().chain(s -> s.find(SubjectContact.class, subjectId));
    }

    public Uni<OrderProjection> order(String orderId) {
        return orders.findById(orderId);
    }

    public Uni<List<WebsiteContact>> websites(String orderId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from WebsiteContact where orderId = :o order by websiteId", WebsiteContact.class)
                .setParameter("o", orderId).getResultList());
    }

    /** Like {@link #update}, but writes nothing where the contact already {@code matches} (most events). */
    private Uni<Void> updateIfChanged(String orderId, Predicate<OrderProjection> matches, Consumer<OrderProjection> change) {
        return orders.findById(orderId)
                .chain(found -> found != null && matches.test(found) ? Uni.createFrom().voidItem()
                        : update(orderId, change));
    }

    private Uni<Void> update(String orderId, Consumer<OrderProjection> change) {
        EventIds.orderId(orderId);
        return orders.findById(orderId).chain(found -> {
            OrderProjection c = found != null ? found : new OrderProjection();
            c.orderId = orderId;
            change.accept(c);
            c.updatedAt = clock.now();
            return found != null ? Uni.createFrom().voidItem() : orders.persist(c).replaceWithVoid();
        });
    }

    private static void principal(OrderProjection c, Person p) {
        if (p != null) {
            c.principalName = p.name();
            c.principalMobile = p.mobile();
            c.principalEmail = p.email();
        }
    }
}
