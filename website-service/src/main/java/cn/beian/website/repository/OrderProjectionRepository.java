package cn.beian.website.repository;

import cn.beian.website.domain.OrderProjection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {

    /**
     * The order, its row locked until the transaction ends. Every change of an order's websites takes this lock
     * first: the websites version is the order's counter, and two writers that both read it would both write the
     * next version (a duplicate key) and both pass an {@code If-Match} meant for one of them.
     */
    public Uni<OrderProjection> lock(UUID orderId) {
        return findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The order an event is about, locked as {@link #lock}. Not yet known is a failure to retry, not a malformed
     * event: subject-service's topic may be read behind review-service's (after a restart or a rebalance), so the
     * event is parked and tried again, never dropped.
     */
    public Uni<OrderProjection> lockKnown(UUID orderId) {
        return lock(orderId).map(o -> {
            if (o == null) {
                throw new IllegalStateException("order " + orderId + " is not known here yet");
            }
            return o;
        });
    }

    /** The account's orders that wait for approved websites this service has not recorded yet, locked as {@link #lock}. */
    public Uni<List<OrderProjection>> awaitingFiled(String accountId) {
        return find("accountId = ?1 and awaitedFilingNumbers is not null", accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * The account's orders whose websites are not ready (a blocking finding, or none judged yet), locked as
     * {@link #lock}: what a confirmed mobile may unblock.
     */
    public Uni<List<OrderProjection>> notReadyOf(String accountId) {
        return find("accountId = ?1 and websitesReadyVersion is null order by createdAt", accountId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Orders whose registry re-check is due at {@code now}, the longest waiting first. */
    public Uni<List<OrderProjection>> dueForRegistryRecheck(OffsetDateTime now, int limit) {
        return find("registryRecheckAt <= ?1 order by registryRecheckAt", now).page(0, limit).list();
    }
}
