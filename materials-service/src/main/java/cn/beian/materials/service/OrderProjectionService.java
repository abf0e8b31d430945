package cn.beian.materials.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.repository.OrderProjectionRepository;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps what materials-service knows of each order from subject-, website- and review-service's events (inside the
 * idempotent consumer's transaction): owner, type, province, nature, state and since when, the subject outline and
 * the websites, who holds the review claim. Freezes the manifest on SUBMIT/RESUBMIT.
 */
@ApplicationScoped
public class OrderProjectionService {

    private final OrderProjectionRepository orders;
    private final MaterialService materials;
    private final ManifestFreezer freezer;
    private final Readiness readiness;
    private final BeianClock clock;

    public OrderProjectionService(OrderProjectionRepository orders, MaterialService materials,
            ManifestFreezer freezer, Readiness readiness, BeianClock clock) {
        this.orders = orders;
        this.materials = materials;
        this.freezer = freezer;
        this.readiness = readiness;
        this.clock = clock;
    }

    public Uni<Void> created(OrderCreated c) {
        return withOrder(c.orderId(), c.accountId(), o -> {
            o.type = c.type();
            o.changeKind = c.changeKind();
            o.province = c.province();
            o.nature = c.nature();
            o.state = c.state();
            o.stateSince = c.createdAt() != null ? c.createdAt() : clock.now();
            o.providerInitiated = c.providerInitiated();
            return materials.refreshReadiness(o);
        });
    }

    public Uni<Void> outlined(OrderSubjectOutlined s) {
        return withOrder(s.orderId(), s.accountId(), o -> {
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
            o.subjectCertificateProvince = certType == CertificateType.RESIDENT_ID && number != null
                    && number.length() >= 2 ? Province.byCode(number.substring(0, 2)).orElse(null) : null;
            o.principalNeedsEmployment = s.principalNeedsEmployment();
            return materials.refreshReadiness(o);
        });
    }

    public Uni<Void> transitioned(OrderTransitioned t) {
        return withOrder(t.orderId(), t.accountId(), o -> {
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
        });
    }

    public Uni<Void> websitesChanged(OrderWebsitesChanged w) {
        return withOrder(w.orderId(), null, o -> {
            if (w.version() < o.websitesVersion) {
                return Uni.createFrom().voidItem();
            }
            List<OrderWebsitesChanged.WebsiteOutline> before = o.websitesJson == null ? List.of()
                    : readiness.websites(o);
            o.websitesVersion = w.version();
            o.websitesJson = readiness.websitesJson(w.websites());
            return materials.forgetReplacedPrincipals(o, before, w.websites())
                    .chain(() -> materials.refreshReadiness(o));
        });
    }

    /** Who holds the claim of the order's review case now; null when nobody does. */
    public Uni<Void> claimed(String orderId, String reviewerId) {
        return withOrder(orderId, null, o -> {
            o.claimedBy = reviewerId;
            return Uni.createFrom().voidItem();
        });
    }

    /** The order's projection, created on its first event whichever comes first (topics are not ordered together). */
    private Uni<Void> withOrder(String orderId, String accountId, Function<OrderProjection, Uni<Void>> action) {
        UUID id = EventIds.orderId(orderId);
        return orders.lock(id).chain(found -> {
            if (found == null && accountId == null) {
                // Websites of an order we have not heard of: keep them; the order's own events fill in the rest.
                OrderProjection o = blank(id, "");
                return orders.persist(o).chain(() -> action.apply(o)).chain(() -> touch(o));
            }
            if (found == null) {
                OrderProjection o = blank(id, accountId);
                return orders.persist(o).chain(() -> action.apply(o)).chain(() -> touch(o));
            }
            if ((found.accountId == null || found.accountId.isEmpty()) && accountId != null) {
                found.accountId = accountId;
            }
            return action.apply(found).chain(() -> touch(found));
        });
    }

    private Uni<Void> touch(OrderProjection o) {
        o.updatedAt = clock.now();
        return Uni.createFrom().voidItem();
    }

    private OrderProjection blank(UUID id, String accountId) {
        OrderProjection o = new OrderProjection();
        o.orderId = id;
        o.accountId = accountId;
        o.state = OrderState.DRAFT;
        o.stateSince = clock.now();
        o.updatedAt = clock.now();
        return o;
    }
}
