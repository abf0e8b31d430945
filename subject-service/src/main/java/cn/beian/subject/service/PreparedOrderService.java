package cn.beian.subject.service;

import cn.beian.contract.events.website.WebsiteEmptyShellPastGrace;
import cn.beian.contract.events.website.WebsiteProbeFindingResolved;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.subject.domain.PreparedOrder;
import cn.beian.subject.repository.PreparedOrderRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Cancel-access (取消接入) orders the provider prepares for filed websites that stayed empty shells past their grace
 * period, and staff's decision on each: one prepared order per empty-shell finding (a replayed announcement prepares
 * nothing more); confirmed, it opens the provider's own cancel-access order for that website
 * ({@link OrderService#openForProvider}) in the same transaction; dismissed, nothing happens; withdrawn when the finding
 * resolves before staff decided. A decision needs the prepared order's ETag, and only a prepared one can be decided,
 * so a double confirm opens one order.
 */
@ApplicationScoped
public class PreparedOrderService {

    private static final Logger LOG = Logger.getLogger(PreparedOrderService.class);
    private static final String EMPTY_SHELL = "EMPTY_SHELL";

    private final PreparedOrderRepository prepared;
    private final OrderService orders;
    private final BeianClock clock;

    public PreparedOrderService(PreparedOrderRepository prepared, OrderService orders, BeianClock clock) {
        this.prepared = prepared;
        this.orders = orders;
        this.clock = clock;
    }

    /** website-service announced an empty shell past its grace: prepare its cancel-access order, once. */
    public Uni<Void> prepare(WebsiteEmptyShellPastGrace e) {
        if (e.findingId() == null || e.accountId() == null || e.websiteFilingNumber() == null
                || e.websiteId() == null || e.firstSeenAt() == null) {
            return Uni.createFrom().failure(new MalformedEventException(
                    "website.empty-shell-past-grace without its finding, account, website or first sighting"));
        }
        PreparedOrder p = new PreparedOrder();
        p.id = UUID.randomUUID();
        p.findingId = e.findingId();
        p.filedWebsiteId = e.websiteId();
        p.accountId = e.accountId();
        p.websiteFilingNumber = e.websiteFilingNumber();
        p.websiteName = e.websiteName();
        p.domain = e.domain();
        p.emptySince = e.firstSeenAt();
        p.graceEndsAt = e.graceEndsAt() != null ? e.graceEndsAt() : e.firstSeenAt();
        p.state = PreparedOrder.State.PREPARED;
        p.preparedAt = clock.now();
        return prepared.insertOnce(p).invoke(inserted -> {
            if (inserted) {
                LOG.infof("Cancel access of website %s prepared for staff (empty shell since %s, finding %s)",
                        p.websiteFilingNumber, p.emptySince, p.findingId);
            }
        }).replaceWithVoid();
    }

    /** A finding resolved: a cancel-access order prepared for it and not yet decided is withdrawn. */
    public Uni<Void> findingResolved(WebsiteProbeFindingResolved r) {
        if (r.findingId() == null || !EMPTY_SHELL.equals(r.kind())) {
            return Uni.createFrom().voidItem();
        }
        return prepared.find("findingId", r.findingId()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(p -> {
                    if (p == null || p.state != PreparedOrder.State.PREPARED) {
                        return Uni.createFrom().voidItem();
                    }
                    p.state = PreparedOrder.State.WITHDRAWN;
                    p.decidedAt = r.resolvedAt() != null ? r.resolvedAt() : clock.now();
                    LOG.infof("Prepared cancel access of website %s withdrawn: the empty shell is resolved",
                            p.websiteFilingNumber);
                    return prepared.persist(p).replaceWithVoid();
                });
    }

    /** Staff's list, oldest first (of one state when given). */
    @WithSession
    public Uni<List<PreparedOrder>> page(PreparedOrder.State state, Cursor after, int limit) {
        return prepared.page(state, after, limit);
    }

    @WithSession
    public Uni<PreparedOrder> find(UUID id) {
        return prepared.findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("PreparedOrder");
            }
            return p;
        });
    }

    /**
     * Confirms a prepared order (its ETag as {@code ifMatch}): opens the provider's cancel-access order for the
     * website, or refuses as an applicant's order would be refused (another order in flight, a website already closed
     * or held by an order), leaving the prepared order as it was.
     */
    @WithTransaction
    public Uni<PreparedOrder> confirm(UUID id, String ifMatch, String staffId) {
        return pending(id, ifMatch).chain(p -> orders.openForProvider(p.accountId, p.websiteFilingNumber, staffId)
                .map(order -> {
                    p.state = PreparedOrder.State.CONFIRMED;
                    p.orderId = order.id;
                    p.decidedAt = clock.now();
                    p.decidedBy = staffId;
                    LOG.infof("Prepared cancel access of website %s confirmed: order %s", p.websiteFilingNumber,
                            order.id);
                    return p;
                }))
                .call(prepared::flush);
    }

    /** Dismisses a prepared order (its ETag as {@code ifMatch}): staff keep the website as it is. */
    @WithTransaction
    public Uni<PreparedOrder> dismiss(UUID id, String ifMatch, String staffId) {
        return pending(id, ifMatch).map(p -> {
            p.state = PreparedOrder.State.DISMISSED;
            p.decidedAt = clock.now();
            p.decidedBy = staffId;
            return p;
        }).call(prepared::flush);
    }

    /** The prepared order, locked, if it matches {@code ifMatch} and still waits for staff. */
    private Uni<PreparedOrder> pending(UUID id, String ifMatch) {
        return prepared.findById(id, LockModeType.PESSIMISTIC_WRITE).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("PreparedOrder");
            }
            ETags.requireMatch(ifMatch, p.version);
            if (p.state != PreparedOrder.State.PREPARED) {
                ProblemException decided = ProblemException.localized(ProblemType.CONFLICT,
                        "detail.prepared-order-decided", p.state).with("code", "PREPARED_ORDER_DECIDED")
                        .with("currentState", p.state);
                throw p.orderId == null ? decided : decided.with("orderId", p.orderId.toString());
            }
            return p;
        });
    }
}
