package cn.beian.platform.outbox;

import cn.beian.platform.inbox.CatchUpConfig;
import cn.beian.platform.inbox.OrderCatchUp;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The producer's half of {@link OrderCatchUp}: every successful answer about an order carries, in the
 * {@value OrderCatchUp#HEADER} header, the sequence of the order's last event written with it: the last this
 * request appended itself ({@link AppendedSequences}), else read after the request's transaction committed. Active
 * where {@code beian.catch-up.announce=true} (subject-service).
 */
public class OrderSequenceHeader {

    private static final String LAST = "select last_sequence from outbox_sequence where aggregate_id = $1";

    private final Pool pool;
    private final boolean announce;

    public OrderSequenceHeader(Pool pool, CatchUpConfig config) {
        this.pool = pool;
        this.announce = config.announce();
    }

    @ServerResponseFilter
    public Uni<Void> announce(ContainerRequestContext request, ContainerResponseContext response) {
        String orderId = request.getUriInfo().getPathParameters().getFirst("orderId");
        if (orderId == null && response.getStatus() == 201 && response.getLocation() != null
                && response.getLocation().getPath().contains("/orders/")) {
            String path = response.getLocation().getPath();
            orderId = path.substring(path.lastIndexOf('/') + 1); // the order just created
        }
        if (!announce || orderId == null || response.getStatus() >= 300) {
            return Uni.createFrom().voidItem();
        }
        Optional<Long> appended = AppendedSequences.of(orderId);
        if (appended.isPresent()) {
            // This request's own events: the last of them is the one to wait for (no statement needed).
            response.getHeaders().putSingle(OrderCatchUp.HEADER, String.valueOf(appended.get()));
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(LAST).execute(Tuple.of(orderId)).invoke(rows -> {
            if (rows.iterator().hasNext()) {
                response.getHeaders().putSingle(OrderCatchUp.HEADER, String.valueOf(rows.iterator().next().getLong(0)));
            }
        }).replaceWithVoid().onFailure().recoverWithNull();
    }
}
