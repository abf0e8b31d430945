package cn.beian.review.repository;

import cn.beian.review.domain.Rejection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RejectionRepository implements PanacheRepositoryBase<Rejection, Long> {

    public Uni<List<Rejection>> ofOrder(String orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
