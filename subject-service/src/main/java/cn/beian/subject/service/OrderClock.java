package cn.beian.subject.service;

import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.OrderTrigger.Actor;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The time rules of docs/domain.md §3 "Validity", one order at a time: an order that has waited on the applicant
 * for 7, 15 and 30 days in one state reaches an idle milestone ({@code order.idle-milestone-reached.v1}, which
 * notification-service turns into SMS and e-mail reminders); after 45 days it expires (never in Zhejiang).
 *
 * <p>Exactly once however many replicas run the clock: {@link #processNext} claims one due order with
 * {@code select … for update skip locked} (so two replicas never work on the same order at once), records each
 * milestone in {@code order_milestone} (unique per order, state entry and days) in the same transaction as its
 * outbox event, and expires through {@link OrderService#move}, which only the state machine lets happen once.
 * Once committed, the order is no longer due, so the next claim by anyone skips it.
 */
@ApplicationScoped
public class OrderClock {

    /** The reminder milestones, in days waiting in one state. */
    public static final List<Integer> MILESTONE_DAYS = List.of(7, 15, 30);

    private static final String IDLE_STATES = Arrays.stream(OrderState.values()).filter(OrderState::expires)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private static final String MILESTONE_MISSING = "not exists (select 1 from order_milestone m"
            + " where m.order_id = o.id and m.state_since = o.state_since and m.days = %d)";

    private static final String INSERT_MILESTONE = """
            insert into order_milestone (order_id, state, state_since, days, reached_at)
            select id, state, state_since, :days, :now from filing_order where id = :id
            on conflict do nothing""";

    /** What one step did to one order. */
    public record Step(UUID orderId, List<Integer> milestones, boolean expired) {
    }

    private final OrderService orders;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public OrderClock(OrderService orders, OutboxWriter outbox, BeianClock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Claims the oldest due order that no other transaction holds and that is not in {@code skip}, and applies
     * its milestones and expiry in one transaction. The claimed id is added to {@code skip} before the work,
     * so a caller that loops never claims an order twice in one round, even one whose work failed.
     *
     * @return what was done, or {@code null} where no order is due (or every due one is held elsewhere)
     */
    @WithTransaction
    public Uni<Step> processNext(Set<UUID> skip) {
        OffsetDateTime now = clock.now();
        return Panache.getSession().chain(session -> claim(session, now, skip).chain(o -> {
            if (o == null) {
                return Uni.createFrom().nullItem();
            }
            skip.add(o.id);
            return apply(session, o, now);
        }));
    }

    private Uni<FilingOrder> claim(Mutiny.Session session, OffsetDateTime now, Set<UUID> skip) {
        StringBuilder sql = new StringBuilder("select o.* from filing_order o where o.state in (" + IDLE_STATES
                + ") and o.state_since <= :t7 and ((o.province <> 'ZHEJIANG' and o.state_since <= :t45)");
        sql.append(" or ").append(MILESTONE_MISSING.formatted(7));
        sql.append(" or (o.state_since <= :t15 and ").append(MILESTONE_MISSING.formatted(15)).append(')');
        sql.append(" or (o.state_since <= :t30 and ").append(MILESTONE_MISSING.formatted(30)).append("))");
        if (!skip.isEmpty()) {
            sql.append(" and o.id not in (:skip)");
        }
        sql.append(" order by o.state_since, o.id limit 1 for update of o skip locked");
        Mutiny.SelectionQuery<FilingOrder> q = session.createNativeQuery(sql.toString(), FilingOrder.class)
                .setParameter("t7", now.minusDays(7))
                .setParameter("t15", now.minusDays(15))
                .setParameter("t30", now.minusDays(30))
                .setParameter("t45", now.minus(FilingOrder.VALIDITY));
        if (!skip.isEmpty()) {
            q.setParameter("skip", new ArrayList<>(skip));
        }
        return q.getSingleResultOrNull();
    }

    private Uni<Step> apply(Mutiny.Session session, FilingOrder o, OffsetDateTime now) {
        List<Integer> due = MILESTONE_DAYS.stream()
                .filter(d -> !now.isBefore(o.stateSince.plus(Duration.ofDays(d)))).toList();
        List<Integer> reached = new ArrayList<>();
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(days -> session.createNativeQuery(INSERT_MILESTONE)
                        .setParameter("days", days).setParameter("now", now).setParameter("id", o.id)
                        .executeUpdate()
                        .chain(inserted -> {
                            if (inserted == 0) {
                                return Uni.createFrom().voidItem();
                            }
                            reached.add(days);
                            return outbox.append(new OrderIdleMilestoneReached(o.id.toString(), o.accountId, o.state,
                                    days, o.stateSince, o.expiresAt())).replaceWithVoid();
                        }))
                .collect().last()
                .chain(() -> {
                    OffsetDateTime expiresAt = o.expiresAt();
                    if (expiresAt == null || now.isBefore(expiresAt)) {
                        return Uni.createFrom().item(false);
                    }
                    return orders.move(o, OrderTrigger.EXPIRE, Actor.CLOCK, null, List.of()).replaceWith(true);
                })
                .map(expired -> new Step(o.id, List.copyOf(reached), expired));
    }
}
