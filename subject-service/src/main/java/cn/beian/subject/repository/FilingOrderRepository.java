package cn.beian.subject.repository;

import cn.beian.contract.order.OrderState;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.subject.domain.FilingOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FilingOrderRepository implements PanacheRepositoryBase<FilingOrder, UUID> {

    /** The account's order in flight (not approved, not abandoned), if any. */
    public Uni<FilingOrder> findInFlight(String accountId) {
        return find("accountId = ?1 and state not in ?2", accountId,
                List.of(OrderState.APPROVED, OrderState.ABANDONED)).firstResult();
    }

    /** Orders per state and province, with the moment the longest-waiting of them entered its state. */
    public Uni<List<Object[]>> countByStateAndProvince() {
        return getSession().chain(s -> s.createNativeQuery(
                "select state, province, count(*), min(state_entered_at) from filing_order group by state, province",
                Object[].class).getResultList());
    }

    public Uni<List<FilingOrder>> page(String accountId, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("createdAt").where("accountId", accountId).after(after);
        return find(k.query(), k.parameters()).range(0, limit - 1).list();
    }
}
