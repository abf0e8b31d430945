package cn.beian.website.rest;

import cn.beian.platform.json.Json;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.time.BeianClock;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.service.FiledWebsiteService;
import cn.beian.website.service.WebsiteProbeService;
import java.util.UUID;
import jakarta.ws.rs.POST;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/filed-websites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Filed websites", description = "The account's approved websites, their police filing numbers and "
        + "the findings of their probes")
public class FiledWebsiteResource {

    /** 公安备案号: province abbreviation + 公网安备 + 14 digits + 号, e.g. 京公网安备11010502030143号. */
    static final Pattern POLICE_NUMBER =
            Pattern.compile("^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新]公网安备[0-9]{14}号$");

    /** The police filing number an applicant reports. */
    public record PoliceNumberRequest(String policeFilingNumber) {
    }

    private final FiledWebsiteService service;
    private final CurrentAccount account;
    private final Json json;
    private final WebsiteProbeService probes;
    private final BeianClock clock;

    public FiledWebsiteResource(FiledWebsiteService service, CurrentAccount account, Json json,
            WebsiteProbeService probes, BeianClock clock) {
        this.service = service;
        this.probes = probes;
        this.clock = clock;
        this.account = account;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "listFiledWebsites", summary = "The account's approved websites, oldest approval first")
    public Uni<Page<FiledWebsiteView>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return service.page(account.id(), Cursor.decode(cursor), limit + 1).map(rows -> Cursor.page(rows, limit,
                l -> new Cursor(l.website().approvedAt, l.website().id.toString()),
                l -> FiledWebsiteView.of(l.website(), json.read(l.website().content, WebsiteContent.class),
                        l.findings())));
    }

    @PUT
    @Path("/{id}/police-filing-number")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "recordPoliceFilingNumber", summary = "Record the public-security filing number (公安备案号) "
            + "of an approved website (If-Match its ETag)")
    @APIResponse(responseCode = "200", description = "Recorded; police-filing reminders stop",
            content = @Content(schema = @Schema(implementation = FiledWebsiteView.class)))
    @APIResponse(responseCode = "400", description = "Not a police filing number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such website, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> recordPoliceNumber(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PoliceNumberRequest body) {
        var uuid = Ids.parseOrNotFound(id, "Filed website");
        String number = body == null || body.policeFilingNumber() == null ? "" : body.policeFilingNumber().strip();
        if (!POLICE_NUMBER.matcher(number).matches()) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("policeFilingNumber",
                    "POLICE_FILING_NUMBER_INVALID", "field.police-filing-number-invalid")));
        }
        return service.recordPoliceNumber(account.id(), uuid, ifMatch, number).map(f -> Response
                .ok(FiledWebsiteView.of(f, json.read(f.content, WebsiteContent.class), List.of()))
                .tag(ETags.of(f.version))
                .build());
    }

    @GET
    @Path("/{id}/findings")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "listProbeFindings", summary = "Every finding of the website's probes, newest first "
            + "(open while resolvedAt is null)")
    @APIResponse(responseCode = "404", description = "No such website, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ProbeFindingView>> findings(@PathParam("id") String id) {
        var uuid = Ids.parseOrNotFound(id, "Filed website");
        return probes.findings(account.id(), account.isStaff(), uuid)
                .map(list -> list.stream().map(ProbeFindingView::of).toList());
    }

    @POST
    @Path("/{id}/probes")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "probeFiledWebsite", summary = "Probe the website now (staff), whatever its turn; "
            + "answers each domain's result and the open findings")
    @APIResponse(responseCode = "404", description = "No such website",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProbeView> probe(@PathParam("id") String id) {
        var uuid = Ids.parseOrNotFound(id, "Filed website");
        return probes.probeNow(uuid).map(ProbeView::of);
    }

    @GET
    @Path("/at-risk")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "listFilingsAtRisk", summary = "Active filed websites with open probe findings (of one "
            + "kind when given), the longest-standing first; proposals=true: the empty shells past their grace "
            + "period, proposed for a cancel-access order")
    public Uni<Page<AtRiskView>> atRisk(@QueryParam("kind") String kind,
            @QueryParam("proposals") @DefaultValue("false") boolean proposals,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        ProbeFindingKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = ProbeFindingKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidFields(List.of(FieldViolation.of("kind", "PROBE_FINDING_KIND_UNKNOWN",
                        "field.probe-finding-kind-unknown")));
            }
        }
        Cursor after = Cursor.decode(cursor);
        UUID afterId = after == null ? null : Ids.parseOrNotFound(after.id(), "Filed website");
        return probes.atRisk(k, proposals, after == null ? null : after.at(), afterId, limit + 1)
                .map(rows -> Cursor.page(rows, limit, r -> new Cursor(r.since(), r.website().id.toString()),
                        r -> AtRiskView.of(r, clock.now())));
    }
}
