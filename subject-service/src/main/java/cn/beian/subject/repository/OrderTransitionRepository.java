package cn.beian.subject.repository;

import cn.beian.subject.domain.OrderTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderTransitionRepository implements PanacheRepositoryBase<OrderTransition, Long> {


    /** Moves of any of the orders after history entry {@code afterId}, oldest first (the order streams' one poll). */
    public Uni<List<OrderTransition>> afterAny(java.util.Collection<UUID> orderIds, long afterId) {
        return list("orderId in ?1 and id > ?2 order by id", orderIds, afterId);
    }

    /**
     * The order's {@code count} latest moves, newest first: the detail view shows a bounded tail, so an order moved
     * back and forth many times costs every view the same.
     */
    public Uni<List<OrderTransition>> latest(UUID orderId, int count) {
        return find("orderId = ?1 order by id desc", orderId).range(0, count - 1).list();
    }

    /** The order's moves after history entry {@code afterId}, oldest first, {@code count} at most (a page). */
    public Uni<List<OrderTransition>> after(UUID orderId, long afterId, int count) {
        return find("orderId = ?1 and id > ?2 order by id", orderId, afterId).range(0, count - 1).list();
    }
}
