package cn.beian.contract.events.snapshot;

import java.time.OffsetDateTime;
import java.util.List;

import cn.beian.contract.events.EventPayload;
import cn.beian.contract.findings.Finding;

/**
 * materials-service froze exactly the version of an order's materials that {@code order.transitioned.v1} (SUBMIT or
 * RESUBMIT) named: which object version stands for each required material. Reviewers read the objects through
 * materials-service (presigned, each read recorded). Keyed by the order.
 */
public record MaterialsManifestFrozen(
        String orderId,
        long version,
        List<Material> materials,
        List<Finding> findings,
        OffsetDateTime frozenAt) implements EventPayload {

    /**
     * @param kind      e.g. {@code UNIT_CERTIFICATE}, {@code ID_FRONT}, {@code VERIFICATION_FORM}, {@code CURTAIN_PHOTO}
     * @param ownerRef  whose document: {@code subject}, {@code subject.principal}, {@code websites[<websiteId>]},
     *                  {@code websites[<websiteId>].principal}
     * @param version   the material's own version (a replacement is a new version)
     */
    public record Material(
            String materialId,
            String kind,
            String ownerRef,
            int version,
            String sha256,
            String contentType,
            long sizeBytes,
            OffsetDateTime uploadedAt) {
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
