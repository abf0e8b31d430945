package cn.beian.website.rest;

import cn.beian.platform.json.Json;
import cn.beian.contract.findings.Finding;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.service.WebsiteService;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders/{orderId}/websites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Websites", description = "The websites of a filing order, their domains and the checks on them")
public class WebsiteResource {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final WebsiteService service;
    private final CurrentAccount account;
    private final Json json;

    public WebsiteResource(WebsiteService service, CurrentAccount account, Json json) {
        this.service = service;
        this.account = account;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listOrderWebsites", summary = "The order's websites, their version, readiness and findings")
    @APIResponse(responseCode = "200", description = "ETag = the version of the order's websites",
            content = @Content(schema = @Schema(implementation = OrderWebsitesView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(@PathParam("orderId") String orderId) {
        UUID id = Ids.parseOrNotFound(orderId, "Order");
        String caller = account.id();
        return service.view(caller, account.isStaff(), id).map(v -> {
            boolean owner = v.order().accountId.equals(caller);
            List<WebsiteView> sites = v.websites().stream()
                    .map(w -> WebsiteView.of(w, json.read(w.content, WebsiteContent.class), owner)).toList();
            List<Finding> findings = v.judged() == null ? List.of() : json.read(v.judged().findings, FINDINGS);
            long version = v.order().websitesVersion;
            boolean ready = v.order().websitesReadyVersion != null && v.order().websitesReadyVersion == version;
            return Response.ok(new OrderWebsitesView(orderId, v.order().type, v.order().state, v.order().editable(),
                    version, ready, sites, findings)).tag(ETags.of(version)).build();
        });
    }

    @GET
    @Path("/{websiteId}")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getOrderWebsite", summary = "One website of the order")
    @APIResponse(responseCode = "404", description = "No such order or website, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("orderId") String orderId, @PathParam("websiteId") String websiteId) {
        UUID o = Ids.parseOrNotFound(orderId, "Order");
        UUID w = Ids.parseOrNotFound(websiteId, "Website");
        String caller = account.id();
        return service.one(caller, account.isStaff(), o, w).map(site -> Response
                .ok(WebsiteView.of(site, json.read(site.content, WebsiteContent.class), site.accountId.equals(caller)))
                .tag(ETags.of(site.version)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "addOrderWebsite", summary = "Add a website (at most 10 per order, 1-10 domains each)")
    @APIResponse(responseCode = "201", description = "Added; Location and ETag set",
            content = @Content(schema = @Schema(implementation = WebsiteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or domains, an 11th website or domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order is not editable in its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> add(@PathParam("orderId") String orderId, WebsiteContent body, UriInfo uri) {
        UUID id = Ids.parseOrNotFound(orderId, "Order");
        return service.add(account.id(), id, body)
                .map(w -> Response.created(uri.getAbsolutePathBuilder().path(w.id.toString()).build())
                        .tag(ETags.of(w.version)).entity(WebsiteView.of(w, json.read(w.content, WebsiteContent.class),
                                true)).build());
    }

    @PUT
    @Path("/{websiteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "replaceOrderWebsite", summary = "Replace a website's fields (If-Match its ETag)")
    @APIResponse(responseCode = "200", description = "Replaced; new ETag",
            content = @Content(schema = @Schema(implementation = WebsiteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order is not editable in its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> replace(@PathParam("orderId") String orderId, @PathParam("websiteId") String websiteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, WebsiteContent body) {
        UUID o = Ids.parseOrNotFound(orderId, "Order");
        UUID w = Ids.parseOrNotFound(websiteId, "Website");
        return service.replace(account.id(), o, w, ifMatch, body).map(site -> Response
                .ok(WebsiteView.of(site, json.read(site.content, WebsiteContent.class), true))
                .tag(ETags.of(site.version)).build());
    }

    @DELETE
    @Path("/{websiteId}")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "removeOrderWebsite", summary = "Remove a website from the order (If-Match its ETag)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The order is not editable in its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> remove(@PathParam("orderId") String orderId, @PathParam("websiteId") String websiteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID o = Ids.parseOrNotFound(orderId, "Order");
        UUID w = Ids.parseOrNotFound(websiteId, "Website");
        return service.remove(account.id(), o, w, ifMatch).map(x -> Response.noContent().build());
    }

    @POST
    @Path("/{websiteId}/copy-shared-fields")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "copyWebsiteSharedFields", summary = "Copy this website's shared fields (service content, "
            + "pre-approvals, languages, remarks, principal, servers, codes) to the order's other websites; If-Match "
            + "the collection's ETag")
    @APIResponse(responseCode = "200", description = "The order's websites after the copy",
            content = @Content(schema = @Schema(implementation = WebsiteView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> copyShared(@PathParam("orderId") String orderId, @PathParam("websiteId") String websiteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID o = Ids.parseOrNotFound(orderId, "Order");
        UUID w = Ids.parseOrNotFound(websiteId, "Website");
        return service.copyShared(account.id(), o, w, ifMatch).map(list -> Response.ok(list.stream()
                .map(x -> WebsiteView.of(x, json.read(x.content, WebsiteContent.class), true)).toList()).build());
    }

    @POST
    @Path("/checks")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "recheckOrderWebsites", summary = "Judge the order's websites again with fresh registry "
            + "data (e.g. after fixing real-name verification at the registrar)")
    @APIResponse(responseCode = "200", description = "The findings of the new version")
    public Uni<Response> recheck(@PathParam("orderId") String orderId) {
        UUID id = Ids.parseOrNotFound(orderId, "Order");
        return service.recheck(account.id(), id)
                .map(v -> Response.ok(json.read(v.findings, FINDINGS)).tag(ETags.of(v.version)).build());
    }
}
