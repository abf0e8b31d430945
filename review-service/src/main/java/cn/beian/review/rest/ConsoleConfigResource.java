package cn.beian.review.rest;

import cn.beian.review.config.ConsoleConfig;
import cn.beian.time.BeianClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the reviewers' console (static files under {@code /console/}) needs before anyone signs in: the issuer and the
 * public client to sign in with, and this service's clock (the SLA countdowns count from it, so a moved or shifted
 * clock shows the same due times as the queue's {@code overdue} marks). Not part of the REST API: hidden from the
 * OpenAPI document.
 */
@Path("/console/config.json")
@PermitAll
public class ConsoleConfigResource {

    /** The console's start-up configuration. */
    public record View(String oidcUrl, String clientId, OffsetDateTime now) {
    }

    private final ConsoleConfig config;
    private final Optional<String> issuer;
    private final BeianClock clock;

    public ConsoleConfigResource(ConsoleConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer, BeianClock clock) {
        this.config = config;
        this.issuer = issuer;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response get() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new View(config.oidcUrl().or(() -> issuer).orElse(null), config.clientId(),
                clock.now())).cacheControl(noStore).build();
    }
}
