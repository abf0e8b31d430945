package cn.beian.materials.rest;

import cn.beian.materials.service.DownloadService;
import java.time.OffsetDateTime;

/** A presigned GET URL for one material; it stops working at {@code expiresAt} (at most 5 minutes). */
public record DownloadUrlView(String materialId, String url, OffsetDateTime expiresAt) {

    static DownloadUrlView of(DownloadService.PresignedUrl p) {
        return new DownloadUrlView(p.material().id.toString(), p.url(), p.expiresAt());
    }
}
