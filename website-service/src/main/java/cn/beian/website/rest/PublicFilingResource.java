package cn.beian.website.rest;

import cn.beian.platform.json.Json;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.privacy.Masking;
import cn.beian.validators.domain.DomainNames;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.service.PublicFilingService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public filing query (anonymous, rate-limited per client address) and the footer snippet of an approved site.
 * Shows what the administration's public query shows: numbers, website name, subject name (a person's masked),
 * nature, approval date - never certificates, phones or principals.
 */
@Path("/api/v1/public/filings")
@PermitAll
@Tag(name = "Public filing query", description = "Anonymous, rate-limited per client address")
public class PublicFilingResource {

    static final String MIIT = "https://beian.miit.gov.cn/";
    static final String MPS = "https://beian.mps.gov.cn/#/query/webSearch?code=";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** One public filing record. */
    public record PublicFiling(String websiteFilingNumber, String subjectFilingNumber, String websiteName,
            List<String> domains, String subjectName, SubjectNature nature, LocalDate approvedOn,
            String policeFilingNumber) {
    }

    public record PublicFilings(List<PublicFiling> items) {
    }

    private final PublicFilingService service;
    private final RoutingContext routing;
    private final Json json;

    public PublicFilingResource(PublicFilingService service, RoutingContext routing, Json json) {
        this.service = service;
        this.routing = routing;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "queryPublicFilings", summary = "Filings by domain or by filing number (subject or website)")
    @APIResponse(responseCode = "200", description = "Matching filings (an empty list when none)")
    @APIResponse(responseCode = "400", description = "Neither or both of domain and number, or an invalid domain")
    @APIResponse(responseCode = "429", description = "Too many queries from this address; Retry-After says when")
    public Uni<Response> query(@QueryParam("domain") String domain, @QueryParam("number") String number) {
        return service.query(client(), domain, number)
                .map(list -> Response.ok(new PublicFilings(list.stream().map(this::view).toList()))
                        .build());
    }

    @GET
    @Path("/{websiteFilingNumber}/footer")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(operationId = "filingFooter", summary = "The footer an approved site must show: its filing number linked "
            + "to the MIIT site, and its police filing number when one is recorded")
    @APIResponse(responseCode = "404", description = "No such approved website served here")
    public Uni<Response> footer(@PathParam("websiteFilingNumber") String websiteFilingNumber) {
        return service.footer(client(), websiteFilingNumber).map(f -> {
            StringBuilder html = new StringBuilder("<a href=\"").append(MIIT)
                    .append("\" target=\"_blank\" rel=\"noopener\">").append(escape(f.websiteFilingNumber))
                    .append("</a>");
            if (f.policeFilingNumber != null) {
                String digits = f.policeFilingNumber.replaceAll("[^0-9]", "");
                html.append(" <a href=\"").append(MPS).append(digits)
                        .append("\" target=\"_blank\" rel=\"noopener\">").append(escape(f.policeFilingNumber))
                        .append("</a>");
            }
            return Response.ok(html.toString(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        });
    }

    private String client() {
        return routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().hostAddress();
    }

    private PublicFiling view(FiledWebsite f) {
        String subject = f.subjectNature == SubjectNature.PERSON ? Masking.personName(f.subjectName) : f.subjectName;
        List<String> domains = json.read(f.content, WebsiteContent.class).domains().stream()
                .map(DomainNames::toUnicode).toList();
        return new PublicFiling(f.websiteFilingNumber, f.subjectFilingNumber, f.name, domains, subject,
                f.subjectNature, f.approvedAt.atZoneSameInstant(CHINA).toLocalDate(), f.policeFilingNumber);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
