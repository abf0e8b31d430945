package cn.beian.materials.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.events.EventType;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.ReviewCaseChanged;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.materials.domain.MaterialOrder;
import cn.beian.materials.repository.MaterialOrderRepository;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps what materials-service knows of each order from subject-, website- and review-service's events (inside the idempotent
 * consumer's transaction): owner, type, province, nature, state and since when, the subject outline and the
 * websites, who holds the review claim. Freezes the manifest on SUBMIT/RESUBMIT.
 */
@ApplicationScoped
public class OrderProjection implements InboxHandler {

    private final MaterialOrderRepository orders;
    private final MaterialService materials;
    private final ManifestFreezer freezer;
    private final Readiness readiness;
    private final BeianClock clock;

    public OrderProjection(MaterialOrderRepository orders, MaterialService materials, ManifestFreezer freezer,
            Readiness readiness, BeianClock clock) {
        this.orders = orders;
        this.materials = materials;
        this.freezer = freezer;
        this.readiness = readiness;
        this.clock = clock;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case ORDER_CREATED -> created(event.data(OrderCreated.class));
            case ORDER_SUBJECT_OUTLINED -> {
                OrderSubjectOutlined s = event.data(OrderSubjectOutlined.class);
                yield withOrder(s.orderId(), s.accountId(), o -> outlined(o, s));
            }
            case ORDER_TRANSITIONED -> {
                OrderTransitioned t = event.data(OrderTransitioned.class);
                yield withOrder(t.orderId(), t.accountId(), o -> transitioned(o, t));
            }
            case ORDER_WEBSITES_CHANGED -> {
                OrderWebsitesChanged w = event.data(OrderWebsitesChanged.class);
                yield withOrder(w.orderId(), null, o -> websites(o, w));
            }
            case REVIEW_CASE_CLAIMED -> {
                ReviewCaseChanged c = event.data(ReviewCaseChanged.class);
                yield withOrder(c.orderId(), null, o -> claimed(o, c.reviewerId()));
            }
            case REVIEW_CASE_RELEASED -> claimed(event.data(ReviewCaseChanged.class).orderId());
            case INITIAL_REVIEW_APPROVED, INITIAL_REVIEW_REJECTED, PHOTO_REVIEW_APPROVED, PHOTO_REVIEW_REJECTED ->
                    claimed(event.data(ReviewDecided.class).orderId());
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The case was released or decided: nobody holds a claim any more. */
    private Uni<Void> claimed(String orderId) {
        return withOrder(orderId, null, o -> claimed(o, null));
    }

    private Uni<Void> claimed(MaterialOrder o, String reviewerId) {
        o.claimedBy = reviewerId;
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> created(OrderCreated c) {
        return withOrder(c.orderId(), c.accountId(), o -> {
            o.type = c.type();
            o.province = c.province();
            o.nature = c.nature();
            o.state = c.state();
            o.stateSince = c.createdAt() != null ? c.createdAt() : clock.now();
            return materials.refreshReadiness(o);
        });
    }

    private Uni<Void> outlined(MaterialOrder o, OrderSubjectOutlined s) {
        if (s.revision() < o.subjectRevision) {
            return Uni.createFrom().voidItem();
        }
        o.subjectRevision = s.revision();
        o.type = s.type();
        o.province = s.province();
        o.nature = s.nature();
        CertificateType certType = s.principal() != null ? s.principal().certificateType() : s.certificateType();
        String number = s.principal() != null ? s.principal().certificateNumber() : s.certificateNumber();
        o.subjectCertificateType = certType;
        // Keep only the province the resident ID's region code names, never the number.
        o.subjectCertificateProvince = certType == CertificateType.RESIDENT_ID && number != null && number.length() >= 2
                ? Province.byCode(number.substring(0, 2)).orElse(null) : null;
        o.principalNeedsEmployment = s.principalNeedsEmployment();
        return materials.refreshReadiness(o);
    }

    private Uni<Void> transitioned(MaterialOrder o, OrderTransitioned t) {
        if (t.to() == null) {
            throw new MalformedEventException("order.transitioned without 'to'");
        }
        boolean moved = o.state != t.to();
        o.state = t.to();
        if (moved) {
            o.stateSince = t.at() != null ? t.at() : clock.now();
        }
        if (t.type() != null) {
            o.type = t.type();
        }
        if (t.province() != null) {
            o.province = t.province();
        }
        if (t.trigger() == OrderTrigger.SUBMIT || t.trigger() == OrderTrigger.RESUBMIT) {
            if (t.materialsVersion() == null) {
                throw new MalformedEventException(t.trigger() + " names no materialsVersion");
            }
            return freezer.freeze(o, t.materialsVersion());
        }
        return materials.refreshReadiness(o);
    }

    private Uni<Void> websites(MaterialOrder o, OrderWebsitesChanged w) {
        if (w.version() < o.websitesVersion) {
            return Uni.createFrom().voidItem();
        }
        o.websitesVersion = w.version();
        o.websitesJson = readiness.websitesJson(w.websites());
        return materials.refreshReadiness(o);
    }

    /** The order's projection, created on its first event whichever comes first (topics are not ordered together). */
    private Uni<Void> withOrder(String orderId, String accountId, Function<MaterialOrder, Uni<Void>> action) {
        UUID id;
        try {
            id = UUID.fromString(orderId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an order id: " + orderId);
        }
        return orders.lock(id).chain(found -> {
            if (found == null && accountId == null) {
                // Websites of an order we have not heard of: keep them; the order's own events fill in the rest.
                MaterialOrder o = blank(id, "");
                return orders.persist(o).chain(() -> action.apply(o)).chain(() -> touch(o));
            }
            if (found == null) {
                MaterialOrder o = blank(id, accountId);
                return orders.persist(o).chain(() -> action.apply(o)).chain(() -> touch(o));
            }
            if ((found.accountId == null || found.accountId.isEmpty()) && accountId != null) {
                found.accountId = accountId;
            }
            return action.apply(found).chain(() -> touch(found));
        });
    }

    private Uni<Void> touch(MaterialOrder o) {
        o.updatedAt = clock.now();
        return Uni.createFrom().voidItem();
    }

    private MaterialOrder blank(UUID id, String accountId) {
        MaterialOrder o = new MaterialOrder();
        o.orderId = id;
        o.accountId = accountId;
        o.state = cn.beian.contract.order.OrderState.DRAFT;
        o.stateSince = clock.now();
        o.updatedAt = clock.now();
        return o;
    }
}
