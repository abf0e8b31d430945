package cn.beian.review.repository;

import cn.beian.review.domain.OrderProjection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, String> {
}
