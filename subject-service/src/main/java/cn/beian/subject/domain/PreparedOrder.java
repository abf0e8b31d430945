package cn.beian.subject.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A cancel-access (取消接入) order the provider prepared for a filed website that stayed an empty shell past its grace
 * period (website-service's {@code website.empty-shell-past-grace}): one per empty-shell finding, waiting for staff.
 * Confirmed, it becomes the provider's own cancel-access order ({@link #orderId}); dismissed, nothing happens;
 * withdrawn when the finding resolved (the site has content again) before staff decided.
 */
@Entity
@Table(name = "prepared_order")
public class PreparedOrder {

    /** Where a prepared order stands; only {@link #PREPARED} waits for staff. */
    public enum State {
        PREPARED,
        CONFIRMED,
        DISMISSED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    /** website-service's empty-shell finding it was prepared for (unique: a replayed event prepares nothing). */
    @Column(name = "finding_id", nullable = false)
    public String findingId;

    @Column(name = "filed_website_id", nullable = false)
    public String filedWebsiteId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "website_filing_number", nullable = false)
    public String websiteFilingNumber;

    @Column(name = "website_name")
    public String websiteName;

    /** The domain the empty shell was seen on. */
    public String domain;

    /** When the probes first saw the empty shell. */
    @Column(name = "empty_since", nullable = false)
    public OffsetDateTime emptySince;

    @Column(name = "grace_ends_at", nullable = false)
    public OffsetDateTime graceEndsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "prepared_at", nullable = false)
    public OffsetDateTime preparedAt;

    /** When staff confirmed or dismissed it, or the finding's resolution withdrew it. */
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The staff member who confirmed or dismissed it; null when withdrawn. */
    @Column(name = "decided_by")
    public String decidedBy;

    /** The cancel-access order a confirmation opened. */
    @Column(name = "order_id")
    public UUID orderId;

    /** The ETag: confirm and dismiss need it as If-Match. */
    @Version
    public long version;
}
