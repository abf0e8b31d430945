package cn.beian.national.repository;

import cn.beian.national.domain.SubmissionDomain;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SubmissionDomainRepository implements PanacheRepositoryBase<SubmissionDomain, UUID> {
}
