package cn.beian.materials.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stored file: one version of one (kind, owner) material of an order. It stands for its slot during the order's
 * materials versions [validFrom, validTo); a replacement or removal closes it but keeps it (and its object) until the
 * order's materials are purged.
 */
@Entity
@Table(name = "material")
public class Material {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MaterialKind kind;

    /** Whose document: subject, subject.principal, websites[id], websites[id].principal, websites[id].preApprovals[T]. */
    @Column(name = "owner_ref", nullable = false)
    public String ownerRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MaterialStatus status;

    /** Derived from the id alone, so a crash between put and commit leaves an object the sweeper can find. */
    @Column(name = "object_key", nullable = false)
    public String objectKey;

    /** 1 for the first file of its slot, +1 for each replacement; null while pending. */
    public Integer version;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    /** SHA-256 (hex) of the stored bytes, i.e. after location metadata was stripped. */
    public String sha256;

    public Integer width;

    public Integer height;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** Uploaded by provider staff (a verification point), not the applicant. */
    @Column(name = "by_staff", nullable = false)
    public boolean byStaff;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "stored_at")
    public OffsetDateTime storedAt;

    @Column(name = "valid_from")
    public Long validFrom;

    @Column(name = "valid_to")
    public Long validTo;

    public static String objectKey(UUID orderId, UUID materialId) {
        return "orders/" + orderId + "/" + materialId;
    }

    public boolean current() {
        return status == MaterialStatus.STORED && validTo == null;
    }
}
