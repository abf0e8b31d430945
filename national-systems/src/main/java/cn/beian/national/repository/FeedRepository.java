package cn.beian.national.repository;

import cn.beian.national.domain.FeedRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FeedRepository implements PanacheRepositoryBase<FeedRecord, Long> {
}
