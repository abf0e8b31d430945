package cn.beian.website.service;

import cn.beian.time.BeianClock;
import cn.beian.website.config.WebsiteConfig;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.repository.OrderProjectionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Judges again the orders whose last judgement met a registry outage ({@code DOMAIN_REGISTRY_UNAVAILABLE}), so that a
 * dependency's hiccup never leaves an order blocked until its applicant happens to press "check again".
 *
 * <p>Safe on every replica at once: the registry is asked outside any transaction, then the order is locked and judged
 * only if it is still at the websites version that met the outage (another replica, or the applicant, may have judged
 * it meanwhile). While the registry still fails, the order's next try is pushed back and the round ends there.
 */
@ApplicationScoped
public class RegistryRecheckJob {

    private static final Logger LOG = Logger.getLogger(RegistryRecheckJob.class);

    private final OrderProjectionRepository orders;
    private final WebsiteService websites;
    private final WebsitesJudge judge;
    private final RegistryLookup registry;
    private final WebsiteConfig config;
    private final BeianClock clock;

    public RegistryRecheckJob(OrderProjectionRepository orders, WebsiteService websites, WebsitesJudge judge,
            RegistryLookup registry, WebsiteConfig config, BeianClock clock) {
        this.orders = orders;
        this.websites = websites;
        this.judge = judge;
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "website-registry-recheck", every = "${beian.website.registry-recheck.every:10s}",
            delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        return recheckDue(clock.now())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Registry re-check round failed, tried again next round: %s", e.toString());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Judges again the orders due at {@code now}; answers how many were judged. */
    public Uni<Integer> recheckDue(OffsetDateTime now) {
        AtomicBoolean registryDown = new AtomicBoolean();
        AtomicInteger judged = new AtomicInteger();
        return Panache.withSession(() -> orders.dueForRegistryRecheck(now, config.registryRecheck().batch()))
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(o -> registryDown.get()
                        ? Uni.createFrom().voidItem()
                        : recheck(o, now, registryDown, judged))
                .collect().last()
                .map(x -> judged.get());
    }

    private Uni<Void> recheck(OrderProjection due, OffsetDateTime now, AtomicBoolean registryDown,
            AtomicInteger judged) {
        return websites.contents(due.orderId)
                .chain(contents -> registry.lookup(WebsitesJudge.registrableDomains(contents)))
                .chain(facts -> {
                    boolean answered = facts.values().stream().noneMatch(RegistryFacts::unavailable);
                    registryDown.set(!answered);
                    return Panache.withTransaction(() -> orders.lock(due.orderId).chain(o -> {
                        if (o == null || o.registryRecheckAt == null || o.websitesVersion != due.websitesVersion) {
                            return Uni.createFrom().voidItem(); // judged meanwhile
                        }
                        if (!o.editable()) {
                            o.registryRecheckAt = null; // submitted or closed: nothing left to judge
                            return Uni.createFrom().voidItem();
                        }
                        if (!answered) {
                            o.registryRecheckAt = now.plus(config.registryRecheck().after());
                            return Uni.createFrom().voidItem();
                        }
                        judged.incrementAndGet();
                        return judge.judge(o, facts).invoke(v -> LOG.infof(
                                "Order %s judged again after a registry outage: websites version %d, %s", o.orderId,
                                v.version, v.complete ? "complete" : "still incomplete")).replaceWithVoid();
                    }));
                });
    }
}
