package cn.beian.website.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something a probe found wrong with a filed website: open from its first sighting until a probe no longer finds it. */
@Entity
@Table(name = "probe_finding")
public class ProbeFinding {

    @Id
    public UUID id;

    @Column(name = "filed_website_id", nullable = false)
    public UUID filedWebsiteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProbeFindingKind kind;

    /** The domain it was seen on (the first one, when several); null for the website as a whole. */
    public String domain;

    /** A short English description for staff and logs. */
    @Column(nullable = false)
    public String detail;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    /**
     * When an empty shell still seen past its grace period was announced ({@code website.empty-shell-past-grace});
     * null until then, and for every other kind.
     */
    @Column(name = "grace_announced_at")
    public OffsetDateTime graceAnnouncedAt;

    public boolean open() {
        return resolvedAt == null;
    }
}
