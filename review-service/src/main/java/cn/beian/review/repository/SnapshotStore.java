package cn.beian.review.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The frozen snapshots of each order as their owners published them (raw JSON), by part and version. */
@ApplicationScoped
public class SnapshotStore {

    public static final String SUBJECT = "SUBJECT";
    public static final String WEBSITES = "WEBSITES";
    public static final String MATERIALS = "MATERIALS";

    public Uni<Void> put(String orderId, String part, long version, String json, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into order_snapshot (order_id, part, version, payload, received_at)
                        values (:o, :p, :v, :j, :at) on conflict (order_id, part, version) do nothing""")
                .setParameter("o", orderId).setParameter("p", part).setParameter("v", version)
                .setParameter("j", json).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Optional<String>> get(String orderId, String part, Long version) {
        if (version == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select payload from order_snapshot where order_id = :o and part = :p and version = :v", String.class)
                .setParameter("o", orderId).setParameter("p", part).setParameter("v", version)
                .getResultList()).map(rows -> rows.stream().findFirst());
    }

    /** The highest version of each part received for the order. */
    public Uni<Map<String, Long>> latest(String orderId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select part, max(version) from order_snapshot where order_id = :o group by part", Object[].class)
                .setParameter("o", orderId)
                .getResultList()).map((List<Object[]> rows) -> {
                    Map<String, Long> m = new HashMap<>();
                    rows.forEach(r -> m.put((String) r[0], ((Number) r[1]).longValue()));
                    return m;
                });
    }

    /** Which of the parts at these versions have arrived. */
    public Uni<List<String>> present(String orderId, long subjectVersion, Long websitesVersion, Long materialsVersion) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select part from order_snapshot where order_id = :o and (
                          (part = 'SUBJECT' and version = :s) or (part = 'WEBSITES' and version = :w)
                          or (part = 'MATERIALS' and version = :m))""", String.class)
                .setParameter("o", orderId).setParameter("s", subjectVersion)
                .setParameter("w", websitesVersion == null ? -1L : websitesVersion)
                .setParameter("m", materialsVersion == null ? -1L : materialsVersion)
                .getResultList());
    }
}
