package cn.beian.website.rest;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.http.AcceptLanguages;
import cn.beian.platform.problem.Problem;
import cn.beian.rules.ChecklistItem;
import cn.beian.rules.MaterialRow;
import cn.beian.rules.Rule;
import cn.beian.rules.Severity;
import cn.beian.website.service.RuleCatalogueService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public and read-only: what a province requires of a person or a unit for a filing type, as data. */
@Path("/api/v1/rules")
@Tag(name = "Rules", description = "The province rules catalogue: machine rules, materials and the reviewer's checklist")
public class RuleCatalogueResource {

    public record RuleView(String id, Severity severity, String check, List<String> fields, String message,
            String suggestion, String source) {

        static RuleView of(Rule r, boolean en) {
            return new RuleView(r.id(), r.severity(), r.check(), r.fields(),
                    r.message() == null ? null : r.message().in(en),
                    r.suggestion() == null ? null : r.suggestion().in(en), r.source());
        }
    }

    /** @param when the condition that makes it required ({@code null}: always) */
    public record MaterialView(String id, String material, String owner, String when, String preparedBy,
            String instruction, String source) {

        static MaterialView of(MaterialRow m, boolean en) {
            return new MaterialView(m.id(), m.material(), m.owner(), m.when() == null ? null : m.when().condition(),
                    m.preparedBy() == null ? null : m.preparedBy().in(en),
                    m.instruction() == null ? null : m.instruction().in(en), m.source());
        }
    }

    /** @param reviews the review cases that look at the item (the photo review for the curtain photo's items) */
    public record ChecklistView(String id, String item, List<ReviewKind> reviews, String source) {

        static ChecklistView of(ChecklistItem c, boolean en) {
            return new ChecklistView(c.id(), c.item() == null ? null : c.item().in(en),
                    c.reviews().stream().sorted().toList(), c.source());
        }
    }

    public record RulesView(Province province, SubjectNature nature, FilingType type, List<RuleView> rules,
            List<MaterialView> materials, List<ChecklistView> checklist) {
    }

    private final RuleCatalogueService service;

    public RuleCatalogueResource(RuleCatalogueService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "provinceRules", summary = "The rules, materials and checklist items that hold today for "
            + "a province, a subject nature and a filing type")
    @APIResponse(responseCode = "200", description = "The rows, in the catalogue's words (Accept-Language)",
            content = @Content(schema = @Schema(implementation = RulesView.class)))
    @APIResponse(responseCode = "400", description = "A missing or unknown province or nature, or an unknown type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RulesView rules(@QueryParam("province") String province, @QueryParam("nature") String nature,
            @QueryParam("type") String type, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        boolean en = AcceptLanguages.english(language);
        var r = service.requirements(province, nature, type);
        return new RulesView(r.province(), r.nature(), r.type(), r.rules().stream().map(x -> RuleView.of(x, en))
                .toList(), r.materials().stream().map(x -> MaterialView.of(x, en)).toList(),
                r.checklist().stream().map(x -> ChecklistView.of(x, en)).toList());
    }
}
