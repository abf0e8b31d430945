package cn.beian.review.domain;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What review-service knows of an order it does not own, filled only from subject-service's events. */
@Entity
@Table(name = "review_order")
public class OrderProjection {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    @Enumerated(EnumType.STRING)
    public OrderState state;

    /** The current submission: 1 for the first, +1 for each resubmission. */
    @Column(name = "submission_no", nullable = false)
    public int submissionCount;

    @Column(name = "websites_version")
    public Long websitesVersion;

    @Column(name = "materials_version")
    public Long materialsVersion;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
