package cn.beian.review.service;

import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.review.domain.OrderProjection;
import cn.beian.review.repository.OrderProjectionRepository;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * Keeps the order projection from subject-service's events: who owns the order, its type, province and state. The
 * submission it is at and the versions it names are the case assembly's to set (they open a case).
 */
@ApplicationScoped
public class OrderProjectionService {

    private final OrderProjectionRepository orders;
    private final BeianClock clock;

    public OrderProjectionService(OrderProjectionRepository orders, BeianClock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** The order as the submission's subject snapshot names it. */
    public Uni<OrderProjection> subjectFrozen(SubjectSnapshotFrozen s) {
        return upsert(s.orderId(), s.accountId(), order -> {
            order.type = s.type();
            order.province = s.province();
        });
    }

    /** The order after a move (a move that omits type or province keeps what was known). */
    public Uni<OrderProjection> transitioned(OrderTransitioned t) {
        return upsert(t.orderId(), t.accountId(), order -> {
            order.type = t.type() != null ? t.type() : order.type;
            order.province = t.province() != null ? t.province() : order.province;
            order.state = t.to();
        });
    }

    public Uni<OrderProjection> find(String orderId) {
        return orders.findById(orderId);
    }

    private Uni<OrderProjection> upsert(String orderId, String accountId,
            Consumer<OrderProjection> change) {
        return orders.findById(orderId).chain(o -> {
            OrderProjection order = o != null ? o : new OrderProjection();
            if (o == null) {
                order.orderId = orderId;
            }
            order.accountId = accountId;
            change.accept(order);
            if (order.type == null || order.province == null) {
                throw new MalformedEventException("order " + orderId + " without type or province");
            }
            order.updatedAt = clock.now();
            return o != null ? Uni.createFrom().item(order) : orders.persist(order);
        });
    }
}
