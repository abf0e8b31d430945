package cn.beian.subject.service;

import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.OrderTrigger.Actor;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.repository.OrderMilestoneRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

    /** What one step did to one order. */
    public record Step(UUID orderId, List<Integer> milestones, boolean expired) {
    }

    private final OrderService orders;
    private final OrderMilestoneRepository milestones;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public OrderClock(OrderService orders, OrderMilestoneRepository milestones, OutboxWriter outbox, BeianClock clock) {
        this.orders = orders;
        this.milestones = milestones;
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
        return milestones.claimDue(now, FilingOrder.VALIDITY, skip).chain(o -> {
            if (o == null) {
                return Uni.createFrom().nullItem();
            }
            skip.add(o.id);
            return apply(o, now);
        });
    }

    private Uni<Step> apply(FilingOrder o, OffsetDateTime now) {
        List<Integer> due = MILESTONE_DAYS.stream()
                .filter(d -> !now.isBefore(o.stateSince.plus(Duration.ofDays(d)))).toList();
        List<Integer> reached = new ArrayList<>();
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(days -> milestones.record(o.id, days, now)
                        .chain(inserted -> {
                            if (!inserted) {
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
