package cn.beian.national.repository;

import cn.beian.national.domain.DomainRegistrationRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DomainRegistrationRepository implements PanacheRepositoryBase<DomainRegistrationRecord, String> {
}
