package cn.beian.materials.repository;

import cn.beian.contract.order.OrderState;
import cn.beian.materials.domain.OrderProjection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {

    /** The order, locked for the rest of the transaction: uploads, removals and events on one order take turns. */
    public Uni<OrderProjection> lock(UUID orderId) {
        return findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The order's state and claim holder read from the database, not from the session (a claim that arrives while a
     * read waits for it must be seen); null when there is no such order.
     */
    public Uni<Object[]> stateAndClaim(UUID orderId) {
        return getSession().chain(s -> s.createNativeQuery(
                        "select state, claimed_by from material_order where order_id = :id", Object[].class)
                .setParameter("id", orderId).getSingleResultOrNull());
    }

    /** Orders abandoned, or expired and not resubmitted, since before {@code before}, whose materials remain. */
    public Uni<List<OrderProjection>> dueForPurge(OffsetDateTime before, int limit) {
        return find("state in ?1 and stateSince < ?2 and purgedAt is null",
                List.of(OrderState.ABANDONED, OrderState.EXPIRED), before).range(0, limit - 1).list();
    }

    /** Orders marked purged whose materials are not all gone yet. */
    public Uni<List<OrderProjection>> purgedWithMaterials(int limit) {
        return find("purgedAt is not null and orderId in (select m.orderId from Material m)").range(0, limit - 1)
                .list();
    }
}
