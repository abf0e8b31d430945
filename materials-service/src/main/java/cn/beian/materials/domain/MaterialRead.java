package cn.beian.materials.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A read of a material by provider staff (reviewers): recorded before the URL or the bytes are handed out. */
@Entity
@Table(name = "material_read")
public class MaterialRead {

    @Id
    public UUID id;

    @Column(name = "material_id", nullable = false)
    public UUID materialId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "reader_id", nullable = false)
    public String readerId;

    @Column(nullable = false)
    public String role;

    /** PRESIGNED_URL or STREAM. */
    @Column(nullable = false)
    public String via;

    @Column(name = "read_at", nullable = false)
    public OffsetDateTime readAt;
}
