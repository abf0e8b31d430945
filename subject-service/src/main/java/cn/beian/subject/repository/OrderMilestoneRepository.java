package cn.beian.subject.repository;

import cn.beian.contract.order.OrderState;
import cn.beian.subject.domain.FilingOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The order clock's SQL: which order is due (an idle milestone missing, or expiry reached) and the milestones reached,
 * one row per order, state entry and days ({@code order_milestone}). Runs in the caller's transaction.
 */
@ApplicationScoped
public class OrderMilestoneRepository {

    private static final String IDLE_STATES = Arrays.stream(OrderState.values()).filter(OrderState::expires)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private static final String MILESTONE_MISSING = "not exists (select 1 from order_milestone m"
            + " where m.order_id = o.id and m.state_entered_at = o.state_entered_at and m.days = %d)";

    private static final String INSERT_MILESTONE = """
            insert into order_milestone (order_id, state, state_entered_at, days, reached_at)
            select id, state, state_entered_at, :days, :now from filing_order where id = :id
            on conflict do nothing""";

    /**
     * Locks the oldest order due at {@code now} that no other transaction holds and that is not in {@code skip}
     * ({@code for update skip locked}, so two replicas never work on one order at once).
     *
     * @return the order, or {@code null} where none is due (or every due one is held elsewhere)
     */
    public Uni<FilingOrder> claimDue(OffsetDateTime now, Duration validity, Set<UUID> skip) {
        StringBuilder sql = new StringBuilder("select o.* from filing_order o where o.state in (" + IDLE_STATES
                + ") and o.state_entered_at <= :t7 and ((o.province <> 'ZHEJIANG' and o.state_entered_at <= :t45)");
        sql.append(" or ").append(MILESTONE_MISSING.formatted(7));
        sql.append(" or (o.state_entered_at <= :t15 and ").append(MILESTONE_MISSING.formatted(15)).append(')');
        sql.append(" or (o.state_entered_at <= :t30 and ").append(MILESTONE_MISSING.formatted(30)).append("))");
        if (!skip.isEmpty()) {
            sql.append(" and o.id not in (:skip)");
        }
        sql.append(" order by o.state_entered_at, o.id limit 1 for update of o skip locked");
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<FilingOrder> q = session.createNativeQuery(sql.toString(), FilingOrder.class)
                    .setParameter("t7", now.minusDays(7))
                    .setParameter("t15", now.minusDays(15))
                    .setParameter("t30", now.minusDays(30))
                    .setParameter("t45", now.minus(validity));
            if (!skip.isEmpty()) {
                q.setParameter("skip", new ArrayList<>(skip));
            }
            return q.getSingleResultOrNull();
        });
    }

    /** Records that the order reached {@code days} in its current state: {@code false} where it already had. */
    public Uni<Boolean> record(UUID orderId, int days, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_MILESTONE)
                .setParameter("days", days).setParameter("now", now).setParameter("id", orderId)
                .executeUpdate()).map(inserted -> inserted > 0);
    }
}
