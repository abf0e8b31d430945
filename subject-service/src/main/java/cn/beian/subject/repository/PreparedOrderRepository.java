package cn.beian.subject.repository;

import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.subject.domain.PreparedOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PreparedOrderRepository implements PanacheRepositoryBase<PreparedOrder, UUID> {

    /** Inserts the prepared order unless one exists for its finding; answers whether it was inserted. */
    public Uni<Boolean> insertOnce(PreparedOrder p) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into prepared_order (id, finding_id, filed_website_id, account_id, website_filing_number,
                            website_name, domain, empty_since, grace_ends_at, state, prepared_at, version)
                        values (:id, :finding, :website, :account, :number, :name, :domain, :since, :graceEnds,
                            :state, :at, 0)
                        on conflict (finding_id) do nothing""")
                .setParameter("id", p.id).setParameter("finding", p.findingId)
                .setParameter("website", p.filedWebsiteId).setParameter("account", p.accountId)
                .setParameter("number", p.websiteFilingNumber).setParameter("name", p.websiteName)
                .setParameter("domain", p.domain).setParameter("since", p.emptySince)
                .setParameter("graceEnds", p.graceEndsAt).setParameter("state", p.state.name())
                .setParameter("at", p.preparedAt)
                .executeUpdate()).map(n -> n > 0);
    }

    public Uni<PreparedOrder> findByFinding(String findingId) {
        return find("findingId", findingId).firstResult();
    }

    /** A page of prepared orders (of one state when given), oldest first. */
    public Uni<List<PreparedOrder>> page(PreparedOrder.State state, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("preparedAt").where("state", state).after(after);
        return find(k.query(), k.parameters()).range(0, limit).list();
    }
}
