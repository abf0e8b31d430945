package cn.beian.materials.service;

import cn.beian.contract.events.website.OrderWebsitesChanged.WebsiteOutline;
import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.domain.RequiredMaterials;
import cn.beian.materials.domain.Requirement;
import cn.beian.platform.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Matches an order's required materials against the files that stand for them. */
@ApplicationScoped
public class Readiness {

    private static final TypeReference<List<WebsiteOutline>> WEBSITES = new TypeReference<>() {
    };

    private final Json json;

    public Readiness(Json json) {
        this.json = json;
    }

    /** One requirement and the file that satisfies it, if any. */
    public record Item(Requirement requirement, Material material) {
        public boolean provided() {
            return material != null;
        }
    }

    /**
     * @param submittable every blocking requirement for submission is provided, and the order's websites are known
     * @param photosComplete every curtain photo is provided
     */
    public record Evaluation(List<Item> items, boolean submittable, boolean photosComplete, boolean websitesKnown) {
        public List<Item> missing() {
            return items.stream().filter(i -> !i.provided()).toList();
        }
    }

    public Evaluation evaluate(OrderProjection o, List<Material> current) {
        List<WebsiteOutline> websites = websites(o);
        // The provider's own cancel-access order asks the applicant for nothing: it acts on the records it holds.
        List<Requirement> reqs = o.providerInitiated ? List.of() : RequiredMaterials.of(new RequiredMaterials.Outline(
                o.type, o.province, o.nature, o.subjectCertificateType, o.subjectCertificateProvince,
                o.principalNeedsEmployment, websites, o.changeKind));
        List<Item> items = reqs.stream().map(r -> new Item(r, current.stream()
                .filter(m -> r.satisfiedBy(m.kind, m.ownerRef)).reduce((a, b) -> b).orElse(null))).toList();
        RequiredMaterials.Outline outline = new RequiredMaterials.Outline(o.type, o.province, o.nature, null, null,
                false, websites);
        boolean websitesKnown = !outline.needsWebsites() || !websites.isEmpty();
        boolean subjectKnown = o.nature != null;
        boolean submittable = websitesKnown && subjectKnown && items.stream()
                .filter(i -> i.requirement().stage() == Requirement.Stage.SUBMISSION && i.requirement().blocking())
                .allMatch(Item::provided);
        boolean photos = items.stream().filter(i -> i.requirement().stage() == Requirement.Stage.PHOTO)
                .allMatch(Item::provided);
        return new Evaluation(items, submittable, photos, websitesKnown);
    }

    public List<WebsiteOutline> websites(OrderProjection o) {
        return json.read(o.websitesJson, WEBSITES);
    }

    public String websitesJson(List<WebsiteOutline> websites) {
        return json.write(websites == null ? List.of() : websites);
    }
}
