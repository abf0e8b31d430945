package cn.beian.subject.repository;

import cn.beian.subject.domain.ApprovedWebsite;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ApprovedWebsiteRepository implements PanacheRepositoryBase<ApprovedWebsite, String> {

    /** Every website ever approved for the account here, open or closed, oldest approval first. */
    public Uni<List<ApprovedWebsite>> ofAccount(String accountId) {
        return list("accountId = ?1 order by approvedAt, websiteFilingNumber", accountId);
    }
}
