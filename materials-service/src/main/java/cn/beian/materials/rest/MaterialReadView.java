package cn.beian.materials.rest;

import cn.beian.materials.domain.MaterialRead;
import java.time.OffsetDateTime;

/** One read of a material by provider staff. */
public record MaterialReadView(String materialId, String readerId, String role, String via, OffsetDateTime readAt) {

    static MaterialReadView of(MaterialRead r) {
        return new MaterialReadView(r.materialId.toString(), r.readerId, r.role, r.via, r.readAt);
    }
}
