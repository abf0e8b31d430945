package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * What notification-service knows of an order it does not own, filled only from subject-service's events: who to
 * reach about it (its account and subject principal), its type and province.
 */
@Entity
@Table(name = "order_contact")
public class OrderProjection {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "filing_type")
    public String filingType;

    public String province;

    @Column(name = "account_email")
    public String accountEmail;

    @Column(name = "principal_name")
    public String principalName;

    @Column(name = "principal_mobile")
    public String principalMobile;

    @Column(name = "principal_email")
    public String principalEmail;

    /** The submission snapshot (subject.snapshot-frozen) has been applied: recipients of outcomes are complete. */
    @Column(name = "frozen", nullable = false)
    public boolean frozen;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
