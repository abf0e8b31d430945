package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A website of an order and its principal, from the websites snapshot frozen at submission. */
@Entity
@Table(name = "website_contact")
@IdClass(WebsiteContact.Key.class)
public class WebsiteContact {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Id
    @Column(name = "website_id")
    public String websiteId;

    @Column(name = "website_name")
    public String websiteName;

    public String domain;

    @Column(name = "principal_name")
    public String principalName;

    @Column(name = "principal_mobile")
    public String principalMobile;

    @Column(name = "principal_email")
    public String principalEmail;

    public static class Key implements Serializable {
        public String orderId;
        public String websiteId;

        public Key() {
        }

        public Key(String orderId, String websiteId) {
            this.orderId = orderId;
            this.websiteId = websiteId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(orderId, k.orderId) && Objects.equals(websiteId, k.websiteId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, websiteId);
        }
    }
}
