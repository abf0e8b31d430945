package cn.beian.review.repository;

import cn.beian.review.domain.ReviewOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReviewOrderRepository implements PanacheRepositoryBase<ReviewOrder, String> {
}
