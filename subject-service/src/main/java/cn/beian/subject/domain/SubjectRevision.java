package cn.beian.subject.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The draft revision a CHANGE order makes of an approved subject (docs/domain.md §2: a change edits a draft that
 * replaces the approved records only when the administration approves it). Until then the subject stays as
 * approved, and every other reader sees it unchanged.
 */
@Entity
@Table(name = "subject_revision")
public class SubjectRevision {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    /** The revised subject as a {@code service.SubjectInput} in JSON, validated like a new subject. */
    @Column(nullable = false)
    public String data;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
