package cn.beian.subject.service;

import cn.beian.platform.persistence.Notifications;
import cn.beian.subject.config.SubjectConfig;
import cn.beian.subject.domain.OrderTransition;
import cn.beian.subject.repository.OrderTransitionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Orders' moves as live streams for server-sent events. The order's history in the database is the source, so a
 * client connected to any replica sees every move (whichever replica made it) and resumes after the last event id it
 * saw.
 *
 * <p>One reader per replica serves every open stream: one query reads the new moves of all followed orders and hands
 * each stream those after its last event (an order's moves are made under its row lock, so within an order ids commit
 * in order). It reads when a move commits on any replica (a trigger on {@code order_transition} notifies
 * {@value #CHANNEL}), right after a read that was woken while it ran, and, while any stream is open, every
 * {@code beian.order-stream.interval} (5 s) as the net for a notification lost while the listener reconnected. An idle
 * stream gets a heartbeat comment every {@code beian.order-stream.heartbeat} (15 s), which keeps proxies and the
 * Ingress (read timeout 120 s) from cutting it.
 */
@ApplicationScoped
public class OrderStream {

    /** The channel subject-service's order_transition_notify migration notifies. */
    static final String CHANNEL = "beian_order_transition";
    private static final Logger LOG = Logger.getLogger(OrderStream.class);

    /** One item of a stream: a move, or a heartbeat (move null). */
    public record Item(OrderTransition move) {

        public boolean heartbeat() {
            return move == null;
        }
    }

    private final OrderTransitionRepository transitions;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration heartbeat;
    private final Notifications notifications;
    private final Map<UUID, Set<Follower>> followers = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicLong polls = new AtomicLong();
    /** The poller's Vert.x timer while any stream has been open; -1 before. */
    private volatile long pollTimer = -1;

    public OrderStream(OrderTransitionRepository transitions, Vertx vertx, SubjectConfig.OrderStream config,
            Notifications notifications) {
        this.transitions = transitions;
        this.vertx = vertx;
        this.interval = config.interval();
        this.heartbeat = config.heartbeat();
        this.notifications = notifications;
    }

    void onStart(@Observes StartupEvent event) {
        notifications.listen(CHANNEL, this::poll);
    }

    /** Every move after history entry {@code afterId} (0 for all), then each new one as it happens, and heartbeats. */
    public Multi<Item> follow(UUID orderId, long afterId) {
        Multi<Item> moves = Multi.createFrom().<Item>emitter(emitter -> {
            Follower f = new Follower(orderId, afterId, emitter);
            followers.computeIfAbsent(orderId, k -> ConcurrentHashMap.newKeySet()).add(f);
            emitter.onTermination(() -> unfollow(f));
            startPolling();
            vertx.runOnContext(v -> poll()); // the history so far without waiting for a tick
        });
        Multi<Item> beats = Multi.createFrom().ticks().every(heartbeat).map(t -> new Item(null));
        return Multi.createBy().merging().streams(moves, beats);
    }

    /** Streams open on this replica. */
    public int openStreams() {
        return followers.values().stream().mapToInt(Set::size).sum();
    }

    /** Polls of the history made by this replica's poller since start (one per tick while any stream is open). */
    public long polls() {
        return polls.get();
    }

    /** Starts this replica's one poller with its first stream (not a job: it serves the open streams only). */
    private synchronized void startPolling() {
        if (pollTimer < 0) {
            pollTimer = vertx.setPeriodic(Math.max(10, interval.toMillis()), id -> poll());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (pollTimer >= 0) {
                vertx.cancelTimer(pollTimer);
                pollTimer = -1;
            }
        }
        followers.values().forEach(set -> set.forEach(f -> f.emitter.complete()));
    }

    private void unfollow(Follower f) {
        followers.computeIfPresent(f.orderId, (k, set) -> {
            set.remove(f);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * One query for every followed order; each stream gets its order's moves after its own last event. Asked while a
     * read runs, it reads again right after (that read may have begun before the new move committed).
     */
    private void poll() {
        if (followers.isEmpty()) {
            return;
        }
        woken.set(true);
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        woken.set(false);
        List<UUID> orders = List.copyOf(followers.keySet());
        long after = followers.values().stream().flatMap(Set::stream).mapToLong(f -> f.last).min().orElse(0);
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> Panache.withSession(() -> transitions.afterAny(orders, after)).subscribe().with(
                moves -> {
                    for (OrderTransition t : moves) {
                        for (Follower f : followers.getOrDefault(t.orderId, Set.of())) {
                            f.offer(t);
                        }
                    }
                    polled();
                },
                e -> {
                    LOG.warnf("Order stream poll failed, will retry: %s", e.toString());
                    polled();
                }));
    }

    private void polled() {
        polls.incrementAndGet();
        polling.set(false);
        if (woken.get()) {
            poll();
        }
    }

    private static final class Follower {
        final UUID orderId;
        final MultiEmitter<? super Item> emitter;
        volatile long last;

        Follower(UUID orderId, long last, MultiEmitter<? super Item> emitter) {
            this.orderId = orderId;
            this.last = last;
            this.emitter = emitter;
        }

        void offer(OrderTransition t) {
            if (t.id > last && !emitter.isCancelled()) {
                last = t.id;
                emitter.emit(new Item(t));
            }
        }
    }
}
