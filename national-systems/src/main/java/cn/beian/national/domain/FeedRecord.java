package cn.beian.national.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One feed entry, written in the transaction of the change it reports. */
@Entity
@Table(name = "feed_entry")
public class FeedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "submission_id", nullable = false)
    public String submissionId;

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** The {@code FeedEntry} JSON without its position. */
    @Column(nullable = false)
    public String payload;
}
