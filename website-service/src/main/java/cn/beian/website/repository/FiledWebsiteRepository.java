package cn.beian.website.repository;

import cn.beian.website.domain.FiledWebsite;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FiledWebsiteRepository implements PanacheRepositoryBase<FiledWebsite, UUID> {

    public Uni<List<FiledWebsite>> active(String accountId) {
        return list("accountId = ?1 and status = ?2 order by websiteFilingNumber", accountId,
                FiledWebsite.Status.ACTIVE);
    }

    /** The account's active filed websites, their rows locked for the caller's transaction (in a fixed order). */
    public Uni<List<FiledWebsite>> activeLocked(String accountId) {
        return find("accountId = ?1 and status = ?2 order by id", accountId, FiledWebsite.Status.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<FiledWebsite>> ofAccount(String accountId) {
        return list("accountId = ?1 order by websiteFilingNumber", accountId);
    }

    public Uni<FiledWebsite> byNumber(String websiteFilingNumber) {
        return find("websiteFilingNumber", websiteFilingNumber).firstResult();
    }
}
