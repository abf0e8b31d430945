package cn.beian.materials.rest;

import java.time.OffsetDateTime;

/** A presigned GET URL for one material; it stops working at {@code expiresAt} (at most 5 minutes). */
public record DownloadUrl(String materialId, String url, OffsetDateTime expiresAt) {
}
