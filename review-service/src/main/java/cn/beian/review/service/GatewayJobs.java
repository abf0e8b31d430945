package cn.beian.review.service;

import cn.beian.review.config.AuthorityConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The gateway's background work: sending pending submissions (every 200 ms) and following the feed (the leader
 * long-polls back to back; the others retry the lock every second). Rounds of one kind never overlap.
 */
@ApplicationScoped
public class GatewayJobs {

    private static final Logger LOG = Logger.getLogger(GatewayJobs.class);

    private final AuthorityGateway gateway;
    private final FeedFollower follower;
    private final AuthorityConfig config;
    private final Vertx vertx;
    private final AtomicBoolean submitting = new AtomicBoolean();
    private final AtomicBoolean following = new AtomicBoolean();
    private volatile boolean running;
    private long submitTimer = -1;
    private long followTimer = -1;

    public GatewayJobs(AuthorityGateway gateway, FeedFollower follower, AuthorityConfig config, Vertx vertx) {
        this.gateway = gateway;
        this.follower = follower;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        submitTimer = vertx.setPeriodic(200, id -> once(submitting, gateway::submitPending));
        if (config.feedEnabled()) {
            followTimer = vertx.setPeriodic(1000, id -> followNow());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        vertx.cancelTimer(submitTimer);
        if (followTimer >= 0) {
            vertx.cancelTimer(followTimer);
        }
        follower.resign().subscribe().with(ok -> { }, e -> { });
    }

    /** One long-poll round where this instance leads; answers whether it does (then the next round starts at once). */
    private Uni<Boolean> follow() {
        return follower.lead().chain(leads -> leads
                ? follower.round().replaceWith(true)
                : Uni.createFrom().item(false));
    }

    private void followNow() {
        once(following, this::follow, leads -> {
            if (leads) {
                vertx.runOnContext(v -> followNow());
            }
        });
    }

    private void once(AtomicBoolean flag, Supplier<Uni<Void>> work) {
        once(flag, () -> work.get().replaceWith(false), ignored -> { });
    }

    private void once(AtomicBoolean flag, Supplier<Uni<Boolean>> work, Consumer<Boolean> then) {
        if (!running || !flag.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> Uni.createFrom().<Boolean>deferred(work::get).subscribe().with(
                again -> {
                    flag.set(false);
                    then.accept(again);
                },
                e -> {
                    flag.set(false);
                    LOG.warnf("Gateway round failed, will retry: %s", e.toString());
                }));
    }
}
