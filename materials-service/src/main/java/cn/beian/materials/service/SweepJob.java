package cn.beian.materials.service;

import cn.beian.materials.config.MaterialsConfig;
import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.repository.OrderProjectionRepository;
import cn.beian.materials.repository.MaterialRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Housekeeping, safe to run on every replica at once (each step is idempotent):
 * <ul>
 * <li>upload intents older than {@code stale-intent-after}: the object (if it was put) is removed first, then the
 * row, so a crash in between only leaves the intent for the next sweep;</li>
 * <li>orders abandoned, or expired and not resubmitted, for longer than {@code retention} (default 180 days): every
 * object and row of their materials goes, and the order is marked purged.</li>
 * </ul>
 */
@ApplicationScoped
public class SweepJob {

    private static final Logger LOG = Logger.getLogger(SweepJob.class);
    private static final int BATCH = 100;

    private final MaterialRepository materials;
    private final OrderProjectionRepository orders;
    private final ObjectStore store;
    private final MaterialsConfig config;
    private final BeianClock clock;

    public SweepJob(MaterialRepository materials, OrderProjectionRepository orders, ObjectStore store,
            MaterialsConfig config, BeianClock clock) {
        this.materials = materials;
        this.orders = orders;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    // Blocking, not a Uni like the other jobs: the object store's client blocks, so this runs on a worker thread.
    @Scheduled(identity = "materials-sweep", every = "${beian.materials.sweep-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            sweepStaleIntents();
            purgeExpired();
        } catch (Throwable e) {
            LOG.warnf("Sweep failed, retried next time: %s", e.toString());
        }
    }

    /** Removes abandoned upload intents and their objects; answers how many. */
    public int sweepStaleIntents() throws Throwable {
        OffsetDateTime before = clock.now().minus(config.staleIntentAfter());
        List<Material> stale = await(() -> Panache.withSession(() -> materials.staleIntents(before, BATCH)));
        for (Material m : stale) {
            store.remove(m.objectKey);
            await(() -> Panache.withTransaction(() -> materials.deleteById(m.id)));
            LOG.infof("Swept upload intent %s of order %s (and its object, if any)", m.id, m.orderId);
        }
        return stale.size();
    }

    /**
     * Purges materials past their retention; answers how many orders. The order is marked purged first (reads and
     * writes then see nothing), then the objects go, then the rows; a crash anywhere is finished by the next sweep.
     */
    public int purgeExpired() throws Throwable {
        OffsetDateTime before = clock.now().minus(config.retention());
        List<OrderProjection> due = await(() -> Panache.withSession(() -> orders.dueForPurge(before, BATCH)));
        for (OrderProjection o : due) {
            await(() -> Panache.withTransaction(() -> orders.lock(o.orderId).invoke(locked -> {
                if (locked.purgedAt == null && !locked.stateSince.isAfter(before)) {
                    locked.purgedAt = clock.now();
                }
            })));
        }
        List<OrderProjection> purged = await(() -> Panache.withSession(() -> orders.purgedWithMaterials(BATCH)));
        for (OrderProjection o : purged) {
            List<Material> all = await(() -> Panache.withSession(() -> materials.all(o.orderId)));
            for (Material m : all) {
                store.remove(m.objectKey);
            }
            await(() -> Panache.withTransaction(() -> materials.delete("orderId", o.orderId)));
            LOG.infof("Purged %d materials of order %s (%s since %s)", all.size(), o.orderId, o.state, o.stateSince);
        }
        return purged.size();
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
