package cn.beian.website.service;

import cn.beian.contract.events.snapshot.ServerLink;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** subject-service's hosting endpoint (it owns servers and authorization codes), called as the machine client. */
@RegisterRestClient(configKey = "subject-service")
@Path("/api/v1/service/orders/{orderId}/hosting")
public interface HostingApi {

    @PUT
    Uni<Resolved> settle(@PathParam("orderId") String orderId, @HeaderParam("Accept-Language") String language,
            Request request);

    /** One website's server ids, and every authorization code the order's websites name after the edit. */
    record Request(String accountId, List<String> serverIds, List<String> authorizationCodes) {
    }

    /** The servers and codes resolved, in the order asked. */
    record Resolved(List<ServerLink> servers, List<ServerLink> authorizationCodes) {
    }
}
