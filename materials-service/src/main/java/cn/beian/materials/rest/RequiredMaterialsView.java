package cn.beian.materials.rest;

import cn.beian.materials.service.Readiness;
import java.util.List;

/**
 * What an order needs and what is still missing, and why.
 *
 * @param materialsVersion the order's materials version this was judged at
 * @param complete         every material needed for submission is there (what material.order-readiness-changed says)
 * @param photosComplete   every curtain photo is there (needed once initial review passed)
 * @param websitesKnown    the order's websites have arrived from website-service (forms are listed per website)
 */
public record RequiredMaterialsView(String orderId, String state, long materialsVersion, boolean complete,
        boolean photosComplete, boolean websitesKnown, List<Item> items, List<Item> missing) {

    /**
     * @param stage     SUBMISSION or PHOTO
     * @param blocking  false where only a reviewer can tell whether it applies ({@code condition})
     * @param rules     docs/domain.md sections and docs/province-rules.md ids behind the requirement
     * @param ownerRef  whose document, a website by its id: what an upload names
     * @param fieldKey  where findings and reasons name it, a website by its position
     *                  ({@code websites[0].VERIFICATION_FORM})
     */
    public record Item(String kind, String label, String ownerRef, String fieldKey, String stage, boolean blocking,
            boolean provided, String materialId, Integer version, String reason, List<String> rules,
            String condition) {
    }

    static RequiredMaterialsView of(cn.beian.materials.service.MaterialReads.OrderMaterials om, boolean english) {
        Readiness.Evaluation e = om.evaluation();
        List<Item> items = e.items().stream().map(i -> item(i, english)).toList();
        return new RequiredMaterialsView(om.order().orderId.toString(), om.order().state.name(),
                om.order().materialsVersion, e.submittable(), e.photosComplete(), e.websitesKnown(), items,
                items.stream().filter(i -> !i.provided()).toList());
    }

    private static Item item(Readiness.Item i, boolean english) {
        var r = i.requirement();
        return new Item(r.kind().name(), r.kind().label(english), r.ownerRef(), r.fieldKey(), r.stage().name(),
                r.blocking(), i.provided(), i.provided() ? i.material().id.toString() : null,
                i.provided() ? i.material().version : null, r.reason(), r.rules(), r.condition());
    }
}
