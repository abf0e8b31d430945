package cn.beian.website.repository;

import cn.beian.website.domain.OrderProjection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {
}
