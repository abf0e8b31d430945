package cn.beian.materials.rest;

import cn.beian.materials.domain.Material;
import java.time.OffsetDateTime;

/** A stored material (one version of one slot). */
public record MaterialView(
        String id,
        String orderId,
        String kind,
        String ownerRef,
        int version,
        boolean current,
        String contentType,
        long sizeBytes,
        String sha256,
        int width,
        int height,
        boolean uploadedByVerificationPoint,
        OffsetDateTime uploadedAt,
        long fromMaterialsVersion) {

    static MaterialView of(Material m) {
        return new MaterialView(m.id.toString(), m.orderId.toString(), m.kind.name(), m.ownerRef, m.version,
                m.validTo == null, m.contentType, m.sizeBytes, m.sha256, m.width, m.height, m.byStaff, m.storedAt,
                m.validFrom);
    }
}
