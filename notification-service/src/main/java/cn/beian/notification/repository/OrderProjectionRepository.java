package cn.beian.notification.repository;

import cn.beian.notification.domain.OrderProjection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, String> {
}
