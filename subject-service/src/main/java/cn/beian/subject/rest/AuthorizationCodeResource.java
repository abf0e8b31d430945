package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.AuthorizationCodeService;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/servers/{serverId}/authorization-codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authorization codes", description = "备案授权码: let another account file against your server")
public class AuthorizationCodeResource {

    private final AuthorizationCodeService codes;
    private final CurrentAccount account;
    private final BeianClock clock;

    public AuthorizationCodeResource(AuthorizationCodeService codes, CurrentAccount account, BeianClock clock) {
        this.codes = codes;
        this.account = account;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "mintAuthorizationCode", summary = "Mint an authorization code on your eligible "
            + "server (at most 5 not revoked per server); the answer carries the code in full")
    @APIResponse(responseCode = "201", description = "Minted",
            content = @Content(schema = @Schema(implementation = AuthorizationCodeView.class)))
    @APIResponse(responseCode = "404", description = "No such server, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The server cannot back a filing (ineligibleReasons) or "
            + "already has 5 codes (limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> mint(@PathParam("serverId") String serverId, UriInfo uri) {
        UUID id = Ids.parseOrNotFound(serverId, "Server");
        return codes.mint(account.id(), id).map(cs -> Response
                .created(uri.getAbsolutePathBuilder().path(cs.code().id.toString()).build())
                .entity(AuthorizationCodeView.of(cs.code(), cs.server(), clock.now(), true))
                .build());
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listAuthorizationCodes", summary = "A server's codes that are not revoked, oldest "
            + "first: in full for its owner, masked for staff")
    @APIResponse(responseCode = "404", description = "No such server, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<AuthorizationCodeView>> list(@PathParam("serverId") String serverId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        UUID id = Ids.parseOrNotFound(serverId, "Server");
        Cursor after = Cursor.decode(cursor);
        String caller = account.id();
        return codes.page(caller, account.isStaff(), id, after, limit + 1).map(found -> {
            boolean owner = found.server().accountId.equals(caller);
            OffsetDateTime now = clock.now();
            return Cursor.page(found.codes(), limit, c -> new Cursor(c.createdAt, c.id.toString()),
                    c -> AuthorizationCodeView.of(c, found.server(), now, owner));
        });
    }

    @DELETE
    @Path("/{codeId}")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "revokeAuthorizationCode", summary = "Revoke an unused (AVAILABLE) code of your "
            + "server; it frees a slot")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such server or code, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is reserved, spent or expired (currentState)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revoke(@PathParam("serverId") String serverId, @PathParam("codeId") String codeId) {
        UUID server = Ids.parseOrNotFound(serverId, "Server");
        UUID code = Ids.parseOrNotFound(codeId, "AuthorizationCode");
        return codes.revoke(account.id(), server, code).map(v -> Response.noContent().build());
    }
}
