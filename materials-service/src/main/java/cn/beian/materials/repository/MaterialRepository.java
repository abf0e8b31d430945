package cn.beian.materials.repository;

import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.MaterialKind;
import cn.beian.materials.domain.MaterialStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, UUID> {

    /** The stored files that stand for their slots now. */
    public Uni<List<Material>> current(UUID orderId) {
        return list("orderId = ?1 and status = ?2 and validTo is null order by createdAt", orderId,
                MaterialStatus.STORED);
    }

    /** The stored files that stood for their slots at the order's materials version {@code version}. */
    public Uni<List<Material>> atVersion(UUID orderId, long version) {
        return list("orderId = :o and status = :s and validFrom <= :v and (validTo is null or validTo > :v)"
                + " order by createdAt", Parameters.with("o", orderId).and("s", MaterialStatus.STORED)
                        .and("v", version));
    }

    /** Every stored version, oldest first. */
    public Uni<List<Material>> history(UUID orderId) {
        return list("orderId = ?1 and status = ?2 order by createdAt", orderId, MaterialStatus.STORED);
    }

    public Uni<Integer> lastVersion(UUID orderId, MaterialKind kind, String ownerRef) {
        return find("select coalesce(max(version), 0) from Material where orderId = ?1 and kind = ?2"
                + " and ownerRef = ?3 and status = ?4", orderId, kind, ownerRef, MaterialStatus.STORED)
                .project(Integer.class).singleResult();
    }

    /** Closes the slot's current file at the order's materials version {@code version}. */
    public Uni<Integer> close(UUID orderId, MaterialKind kind, String ownerRef, long version) {
        return update("validTo = ?1 where orderId = ?2 and kind = ?3 and ownerRef = ?4 and status = ?5"
                + " and validTo is null", version, orderId, kind, ownerRef, MaterialStatus.STORED);
    }

    /** Closes every current material of one owner at {@code version}; answers how many. */
    public Uni<Integer> closeOwner(UUID orderId, String ownerRef, long version) {
        return update("validTo = ?1 where orderId = ?2 and ownerRef = ?3 and status = ?4 and validTo is null",
                version, orderId, ownerRef, MaterialStatus.STORED);
    }

    public Uni<List<Material>> staleIntents(OffsetDateTime before, int limit) {
        return find("status = ?1 and createdAt < ?2 order by createdAt", MaterialStatus.PENDING, before)
                .range(0, limit - 1).list();
    }

    public Uni<List<Material>> all(UUID orderId) {
        return list("orderId", orderId);
    }
}
