package cn.beian.website.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One kept version of an order's websites, with the findings judged on it. */
@Entity
@Table(name = "websites_version")
@IdClass(WebsitesVersion.Key.class)
public class WebsitesVersion {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Id
    public long version;

    /** JSON list of the frozen websites (the snapshot's {@code Website} records). */
    @Column(nullable = false)
    public String websites;

    /** JSON list of findings. */
    @Column(nullable = false)
    public String findings;

    @Column(nullable = false)
    public boolean complete;

    /**
     * A CHANGE order's websites at this version against the approved ones: each field that differs, before → after
     * (the contract's {@code FieldChange} list as JSON, personal data masked); null for other types.
     */
    public String changes;

    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        public UUID orderId;
        public long version;

        public Key() {
        }

        public Key(UUID orderId, long version) {
            this.orderId = orderId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(orderId, k.orderId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, version);
        }
    }
}
