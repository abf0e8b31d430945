package cn.beian.review.service;

import cn.beian.review.config.AuthorityConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Every replica tries to take (or keep) the {@link GatewayLock} every {@code beian.authority.follow-every} (1 s); the
 * one holding it follows the administration's outcome feed, long-poll after long-poll, for as long as it keeps the
 * lock. A round that follows therefore lasts; the next triggers are skipped meanwhile, so rounds never overlap.
 */
@ApplicationScoped
public class FeedFollowJob {

    private static final Logger LOG = Logger.getLogger(FeedFollowJob.class);

    private final GatewayLock lock;
    private final FeedFollower follower;
    private final AuthorityConfig config;
    private volatile boolean stopping;

    public FeedFollowJob(GatewayLock lock, FeedFollower follower, AuthorityConfig config) {
        this.lock = lock;
        this.follower = follower;
        this.config = config;
    }

    @Scheduled(identity = "review-service-feed-follow", every = "${beian.authority.follow-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        // Repeated, not recursive: a leader follows for days, and a chain of nested Unis would grow all along.
        return Uni.createFrom().deferred(this::followOnce).repeat().whilst(again -> again)
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Gateway round failed, will retry: %s", e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Takes (or keeps) the lock; holding it, one long-poll round. Answers whether to go on at once. */
    private Uni<Boolean> followOnce() {
        if (stopping) {
            return Uni.createFrom().item(false);
        }
        return lock.lead().chain(leads -> leads && config.feedEnabled() && !stopping
                ? follower.round().replaceWith(true)
                : Uni.createFrom().item(false));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        lock.resign().subscribe().with(ok -> { }, e -> { });
    }
}
