package cn.beian.national.repository;

import cn.beian.national.domain.RegistryWebsite;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RegistryWebsiteRepository implements PanacheRepositoryBase<RegistryWebsite, UUID> {

    public Uni<List<RegistryWebsite>> bySubject(UUID subjectId) {
        return find("subjectId = ?1 order by websiteFilingNumber", subjectId).list();
    }

    public Uni<List<RegistryWebsite>> bySubjects(Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("subjectId in ?1 order by websiteFilingNumber", subjectIds).list();
    }

    public Uni<RegistryWebsite> byFilingNumber(String number) {
        return find("websiteFilingNumber", number).firstResult();
    }

    public Uni<List<RegistryWebsite>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : find("id in ?1", ids).list();
    }
}
