package cn.beian.subject.repository;

import cn.beian.subject.domain.OrderTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderTransitionRepository implements PanacheRepositoryBase<OrderTransition, Long> {

    /** Moves of the order after history entry {@code afterId}, oldest first. */
    public Uni<List<OrderTransition>> after(UUID orderId, long afterId) {
        return list("orderId = ?1 and id > ?2 order by id", orderId, afterId);
    }

    public Uni<List<OrderTransition>> history(UUID orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
