package cn.beian.national.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One domain of a filed website (kept after deregistration as history; only live websites hold a domain). */
@Entity
@Table(name = "registry_domain")
public class RegistryDomain {

    @Id
    public UUID id;

    @Column(name = "website_id", nullable = false)
    public UUID websiteId;

    @Column(nullable = false)
    public String domain;

    public static RegistryDomain of(UUID websiteId, String domain) {
        RegistryDomain d = new RegistryDomain();
        d.id = UUID.randomUUID();
        d.websiteId = websiteId;
        d.domain = domain;
        return d;
    }
}
