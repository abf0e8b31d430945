package cn.beian.website.repository;

import cn.beian.website.domain.Website;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebsiteRepository implements PanacheRepositoryBase<Website, UUID> {

    public Uni<List<Website>> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by position, createdAt", orderId);
    }
}
