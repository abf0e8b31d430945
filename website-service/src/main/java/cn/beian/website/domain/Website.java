package cn.beian.website.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One website of an order. */
@Entity
@Table(name = "website")
public class Website {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public int position;

    /** JSON of {@link WebsiteContent}. */
    @Column(nullable = false)
    public String content;

    @Column(name = "filed_website_id")
    public UUID filedWebsiteId;

    @Column(name = "website_filing_number")
    public String websiteFilingNumber;

    /** Bumped on each edit of this website (its ETag). */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
