package cn.beian.platform.tracing;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.testing.TestClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.logging.MDC;

/** A request about an order that writes an outbox event, as subject-service's moves do; answers its MDC order. */
@Path("/api/v1/orders/{orderId}/traced")
public class TracedOrderResource {

    private final OutboxWriter outbox;

    public TracedOrderResource(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @POST
    public Uni<String> create(@PathParam("orderId") String orderId) {
        String seen = (String) MDC.get(Traced.ORDER_ID);
        return Panache.withTransaction(() -> outbox.append(new OrderCreated(orderId, UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), FilingType.FIRST_FILING, Province.BEIJING, SubjectNature.PERSON,
                        OrderState.DRAFT, TestClock.now())))
                .replaceWith(seen);
    }
}
