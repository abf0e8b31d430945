package cn.beian.website.repository;

import cn.beian.website.domain.WebsitesVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class WebsitesVersionRepository implements PanacheRepositoryBase<WebsitesVersion, WebsitesVersion.Key> {

    public Uni<WebsitesVersion> find(UUID orderId, long version) {
        return findById(new WebsitesVersion.Key(orderId, version));
    }
}
