package cn.beian.national.repository;

import cn.beian.national.domain.RegistryDomain;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RegistryDomainRepository implements PanacheRepositoryBase<RegistryDomain, UUID> {

    public Uni<List<RegistryDomain>> byDomains(Collection<String> domains) {
        return domains.isEmpty() ? Uni.createFrom().item(List.of()) : find("domain in ?1", domains).list();
    }

    public Uni<List<RegistryDomain>> byWebsites(Collection<UUID> websiteIds) {
        return websiteIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("websiteId in ?1 order by domain", websiteIds).list();
    }

    public Uni<Long> deleteByWebsite(UUID websiteId) {
        return delete("websiteId", websiteId);
    }
}
