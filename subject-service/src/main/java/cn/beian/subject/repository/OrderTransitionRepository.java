package cn.beian.subject.repository;

import cn.beian.subject.domain.OrderTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderTransitionRepository implements PanacheRepositoryBase<OrderTransition, Long> {

    public Uni<List<OrderTransition>> history(UUID orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
