package cn.beian.subject.rest;

import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.rest.Ids;
import cn.beian.subject.service.OrderService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Enforces {@link OwnOrderOnly}: another account's order, or none, is a 404 before anything is streamed. */
public class OrderAccessFilter {

    private final OrderService orders;
    private final CurrentAccount account;

    public OrderAccessFilter(OrderService orders, CurrentAccount account) {
        this.orders = orders;
        this.account = account;
    }

    @OwnOrderOnly
    @ServerRequestFilter
    public Uni<Response> requireOwnOrder(ContainerRequestContext request) {
        String orderId = request.getUriInfo().getPathParameters().getFirst("orderId");
        return orders.findVisible(Ids.parseOrNotFound(orderId, "Order"), account.id(), account.isStaff())
                .replaceWith((Response) null);
    }
}
