package cn.beian.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The bare app's one endpoint: a constant answer, as the services' {@code /api/v1/baseline} GET. */
@Path("/api/v1/baseline")
public class BareResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String get() {
        return "ok";
    }
}
