package cn.beian.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** A resource about an order, as website- and materials-service have: what the catch-up wait guards. */
@Path("/api/v1/orders/{orderId}/thing")
public class OrderThingResource {

    private final RecordingHandler handler;

    public OrderThingResource(RecordingHandler handler) {
        this.handler = handler;
    }

    /** The order's events this service has applied when the resource runs. */
    @GET
    @RolesAllowed("applicant")
    public List<Long> applied(@PathParam("orderId") String orderId) {
        return handler.applied(orderId);
    }
}
