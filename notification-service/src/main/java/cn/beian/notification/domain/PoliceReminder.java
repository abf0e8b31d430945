package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The police-filing reminders of one approved website (docs/domain.md: file with public security within 30 days). */
@Entity
@Table(name = "police_reminder")
@IdClass(WebsiteContact.Key.class)
public class PoliceReminder {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Id
    @Column(name = "website_id")
    public String websiteId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "website_name")
    public String websiteName;

    @Column(name = "website_filing_number")
    public String websiteFilingNumber;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    /** The next reminder's time; {@code null} once none is left. */
    @Column(name = "next_due_at")
    public OffsetDateTime nextDueAt;

    @Column(name = "sent_count")
    public int sentCount;

    @Column(name = "stopped_at")
    public OffsetDateTime stoppedAt;

    /** {@code POLICE_NUMBER_RECORDED} or {@code WINDOW_ENDED}. */
    @Column(name = "stop_reason")
    public String stopReason;
}
