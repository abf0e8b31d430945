package cn.beian.platform.inbox;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Read your own writes across services. subject-service answers every order view with the order's event sequence
 * in the {@value #HEADER} header; a front-end sends it back with its next request about that order to another
 * service. If this service has not yet applied that much of the order's events, the request waits until it has
 * (re-checked from {@code poll-interval} doubling, for at most {@code max-wait}), so that it is judged on the state the
 * front-end saw — never refused because this service is a moment behind. Past the wait: 503 with {@code Retry-After}
 * (code {@code ORDER_CATCHING_UP}), never a 409 that contradicts the order view. Active in services that set
 * {@code beian.catch-up.order-source} (the producer of order events, whose inbox sequence is compared).
 */
public class OrderCatchUp {

    public static final String HEADER = "Beian-Order-Sequence";
    public static final String CODE = "ORDER_CATCHING_UP";
    private static final String APPLIED = """
            select coalesce((select last_sequence from inbox_sequence where source = $1 and aggregate_id = $2), 0)""";

    private final CatchUpConfig config;
    private final Pool pool;
    private final SecurityIdentity identity;

    public OrderCatchUp(CatchUpConfig config, Pool pool, SecurityIdentity identity) {
        this.config = config;
        this.pool = pool;
        this.identity = identity;
    }

    @ServerRequestFilter(priority = 5000)
    public Uni<Void> awaitOrder(ContainerRequestContext request) {
        String raw = request.getHeaderString(HEADER);
        String orderId = request.getUriInfo().getPathParameters().getFirst("orderId");
        // An anonymous caller is refused by the resource anyway: it may not make this service wait and query.
        if (raw == null || orderId == null || config.orderSource().isEmpty() || identity.isAnonymous()) {
            return Uni.createFrom().voidItem();
        }
        long wanted = parse(raw);
        long deadline = System.nanoTime() + config.maxWait().toNanos();
        return poll(config.orderSource().get(), orderId, wanted, deadline, config.pollInterval().toMillis(),
                Vertx.currentContext());
    }

    /** Checks at the poll interval, doubling up to a second: about 7 queries over the 5 s wait, not 100. */
    private Uni<Void> poll(String source, String orderId, long wanted, long deadline, long delayMillis,
            Context context) {
        return pool.preparedQuery(APPLIED).execute(Tuple.of(source, orderId))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(applied -> {
                    if (applied >= wanted) {
                        return Uni.createFrom().voidItem();
                    }
                    if (System.nanoTime() > deadline) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                "This service has not yet caught up with the order; retry shortly")
                                .with("code", CODE)
                                .with("orderSequenceSeen", applied)
                                .with("orderSequenceWanted", wanted)
                                .with("retryAfterSeconds", 1));
                    }
                    return sleep(context, delayMillis).chain(() -> poll(source, orderId, wanted, deadline,
                            Math.min(1000, delayMillis * 2), context));
                });
    }

    private static Uni<Void> sleep(Context context, long delayMillis) {
        long millis = Math.max(1, delayMillis);
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
        }
        // Resume on the request's own context: the resource after this filter may use Hibernate Reactive.
        return Uni.createFrom().emitter(em -> context.owner().setTimer(millis,
                id -> context.runOnContext(v -> em.complete(null))));
    }

    private static long parse(String raw) {
        try {
            long n = Long.parseLong(raw.trim());
            if (n >= 0 && n <= 1_000_000_000L) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(ProblemType.VALIDATION_FAILED, HEADER + " must be the order view's sequence",
                List.of(new FieldViolation(HEADER, "INVALID_ORDER_SEQUENCE",
                        "must be a whole number from the order view's " + HEADER + " header")));
    }
}
