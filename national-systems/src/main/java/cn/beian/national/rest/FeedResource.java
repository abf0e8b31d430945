package cn.beian.national.rest;

import cn.beian.national.client.FeedPage;
import cn.beian.national.service.FeedService;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Tag(name = "Feed", description = "Every change of the provider's submissions, with a cursor; long-polling")
public class FeedResource {

    private final FeedService feed;

    public FeedResource(FeedService feed) {
        this.feed = feed;
    }

    @GET
    @Operation(operationId = "readFeed",
            summary = "Entries after a cursor, oldest first; with wait > 0 held until one arrives or the wait ends")
    @APIResponse(responseCode = "200",
            description = "entries (maybe empty) and the cursor to pass as after next time")
    @APIResponse(responseCode = "400", description = "after, limit or wait out of range")
    public Uni<FeedPage> read(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @QueryParam("wait") @DefaultValue("0") @Min(0) @Max(30) int wait) {
        return feed.read(after, limit, wait);
    }
}
