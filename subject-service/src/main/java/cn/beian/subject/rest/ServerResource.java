package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.ServerService;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/servers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Servers", description = "The account's servers and whether they can back a filing")
public class ServerResource {

    private final ServerService servers;
    private final CurrentAccount account;
    private final BeianClock clock;

    public ServerResource(ServerService servers, CurrentAccount account, BeianClock clock) {
        this.servers = servers;
        this.account = account;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listServers", summary = "Servers, oldest first, each with its eligibility: an "
            + "applicant's own, or all for staff (optionally one account's)")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ServerView>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("accountId") String accountId) {
        Cursor after = Cursor.decode(cursor);
        String only = account.isStaff() ? accountId : account.id();
        OffsetDateTime now = clock.now();
        return servers.page(only, after, limit + 1).map(rows -> Cursor.page(rows, limit,
                s -> new Cursor(s.createdAt, s.id.toString()), s -> ServerView.of(s, now)));
    }

    @GET
    @Path("/{serverId}")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getServer", summary = "One server with its eligibility and the reasons against it")
    @APIResponse(responseCode = "200", description = "The server; ETag set",
            content = @Content(schema = @Schema(implementation = ServerView.class)))
    @APIResponse(responseCode = "404", description = "No such server, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("serverId") String serverId) {
        var id = Ids.parseOrNotFound(serverId, "Server");
        return servers.findVisible(id, account.id(), account.isStaff())
                .map(s -> Response.ok(ServerView.of(s, clock.now())).tag(ETags.of(s.version)).build());
    }
}
