package cn.beian.review.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The authority gateway's lock: only the replica holding it talks to the administration — it sends the pending
 * submissions and follows the outcome feed; the others only try to take it, once a second. A session-level PostgreSQL
 * advisory lock on a connection of its own (out of the reactive pool, so inside the connection budget), released when
 * the replica dies and its connection closes, or when it resigns (shutdown). Gauge
 * {@code beian_authority_gateway_leader}: 1 on the replica holding it.
 */
@ApplicationScoped
public class GatewayLock {

    private static final Logger LOG = Logger.getLogger(GatewayLock.class);
    /** Any constant distinct from the outbox relay's. Other replicas (and tests standing in for one) take this key. */
    public static final long KEY = 0x6265_6961_6e07L;

    private final Pool pool;
    private volatile SqlConnection connection;

    public GatewayLock(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("beian.authority.gateway.leader", this, l -> l.held() ? 1 : 0)
                .description("1 on the review-service replica holding the authority gateway's lock (it submits and "
                        + "follows the feed), 0 elsewhere")
                .register(registry);
    }

    /** Whether this replica believes it holds the lock (checked against the database by {@link #lead()}). */
    public boolean held() {
        return connection != null;
    }

    /**
     * Whether this instance holds (checked on its connection) or now takes the lock. Answers on the caller's Vert.x
     * context: the lock's connection answers on the context that opened it, an earlier round's, and Hibernate
     * Reactive must go on on the caller's own.
     */
    public Uni<Boolean> lead() {
        Context context = Vertx.currentContext();
        return context == null ? check() : check().emitOn(task -> context.runOnContext(v -> task.run()));
    }

    private Uni<Boolean> check() {
        SqlConnection held = connection;
        if (held != null) {
            return held.query("select 1").execute().replaceWith(true).onFailure().recoverWithUni(e -> {
                LOG.warnf("Lost the gateway lock's connection: %s", e.toString());
                connection = null;
                return held.close().onFailure().recoverWithNull().replaceWith(false);
            });
        }
        return pool.getConnection().chain(c -> c.preparedQuery("select pg_try_advisory_lock($1)")
                .execute(Tuple.of(KEY))
                .onFailure().call(e -> c.close().onFailure().recoverWithNull())
                .chain(rs -> {
                    if (rs.iterator().next().getBoolean(0)) {
                        connection = c;
                        LOG.info("This replica holds the authority gateway's lock: it submits and follows the feed");
                        return Uni.createFrom().item(true);
                    }
                    return c.close().replaceWith(false);
                }));
    }

    /** Gives the lock up (shutdown, tests standing in for a killed replica). */
    public Uni<Void> resign() {
        SqlConnection held = connection;
        connection = null;
        if (held == null) {
            return Uni.createFrom().voidItem();
        }
        // The pool keeps the physical connection (and a session lock with it): unlock before handing it back.
        return held.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(KEY))
                .onFailure().recoverWithNull()
                .chain(() -> held.close())
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
