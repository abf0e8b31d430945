package cn.beian.website.repository;

import cn.beian.website.domain.ProbeFinding;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The probes' rows: each filed website's turn ({@code filed_website.probe_due_at}, written only here, never through
 * the entity), the last result per domain and the findings.
 */
@ApplicationScoped
public class ProbeRepository implements PanacheRepositoryBase<ProbeFinding, UUID> {

    /** A website claimed for a probe, with the moment its turn was due (its next turn follows from it). */
    public record Claimed(UUID id, OffsetDateTime dueAt) {
    }

    /** What the last probe of one domain found. */
    public record DomainResult(UUID filedWebsiteId, String domain, OffsetDateTime probedAt, String url,
            boolean reachable, boolean showsNumber, boolean linksToMiit, String problem) {
    }

    /** Claims: the due rows no other transaction holds, pushed past the lease so that no other replica takes them. */
    private static final String CLAIM = """
            with due as (select id, probe_due_at from filed_website
                          where status = 'ACTIVE' and probe_due_at <= :now
                          order by probe_due_at limit :limit for update skip locked)
            update filed_website f set probe_due_at = :leaseEnd from due where f.id = due.id
            returning f.id, due.probe_due_at""";

    private static final String UPSERT_RESULT = """
            insert into probe_result (filed_website_id, domain, probed_at, url, reachable, shows_number, links_to_miit,
                problem)
            values (:id, :domain, :at, :url, :reachable, :shows, :linked, :problem)
            on conflict (filed_website_id, domain) do update set probed_at = excluded.probed_at, url = excluded.url,
                reachable = excluded.reachable, shows_number = excluded.shows_number,
                links_to_miit = excluded.links_to_miit, problem = excluded.problem""";

    public Uni<List<Claimed>> claimDue(OffsetDateTime now, OffsetDateTime leaseEnd, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM, Object[].class)
                .setParameter("now", now).setParameter("leaseEnd", leaseEnd).setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Claimed((UUID) r[0], (OffsetDateTime) r[1])).toList()));
    }

    /** Sets when a website's next probe is due (its first, at approval; the next, after a probe). */
    public Uni<Void> scheduleNext(UUID filedWebsiteId, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update filed_website set probe_due_at = :at where id = :id")
                .setParameter("at", at).setParameter("id", filedWebsiteId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> saveResult(DomainResult r) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT_RESULT)
                .setParameter("id", r.filedWebsiteId()).setParameter("domain", r.domain())
                .setParameter("at", r.probedAt()).setParameter("url", r.url())
                .setParameter("reachable", r.reachable()).setParameter("shows", r.showsNumber())
                .setParameter("linked", r.linksToMiit()).setParameter("problem", r.problem())
                .executeUpdate()).replaceWithVoid();
    }

    /** The last results of the given websites' domains. */
    public Uni<List<DomainResult>> results(Collection<UUID> filedWebsiteIds) {
        if (filedWebsiteIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select filed_website_id, domain, probed_at, url, reachable, shows_number, links_to_miit, problem
                          from probe_result where filed_website_id in (:ids) order by filed_website_id, domain""",
                        Object[].class)
                .setParameter("ids", List.copyOf(filedWebsiteIds))
                .getResultList()
                .map(rows -> rows.stream().map(r -> new DomainResult((UUID) r[0], (String) r[1],
                        (OffsetDateTime) r[2], (String) r[3], (Boolean) r[4], (Boolean) r[5], (Boolean) r[6],
                        (String) r[7])).toList()));
    }

    /** The open findings of the given websites. */
    public Uni<List<ProbeFinding>> openOf(Collection<UUID> filedWebsiteIds) {
        if (filedWebsiteIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("filedWebsiteId in ?1 and resolvedAt is null order by firstSeenAt", List.copyOf(filedWebsiteIds));
    }

    /** Every finding of a website, newest first. */
    public Uni<List<ProbeFinding>> allOf(UUID filedWebsiteId) {
        return list("filedWebsiteId = ?1 order by firstSeenAt desc", filedWebsiteId);
    }

    /**
     * Active filed websites with an open finding (of {@code kind} when given) first seen by {@code seenBefore}, the
     * longest-standing first: a page
     * after the (first seen, website id) cursor.
     */
    public Uni<List<Object[]>> atRisk(String kind, OffsetDateTime seenBefore, OffsetDateTime afterSeen, UUID afterId,
            int limit) {
        String sql = """
                select f.filed_website_id, min(f.first_seen_at) as since from probe_finding f
                  join filed_website w on w.id = f.filed_website_id
                 where f.resolved_at is null and w.status = 'ACTIVE' and (cast(:kind as text) is null or f.kind = :kind)
                   and f.first_seen_at <= :seenBefore
                 group by f.filed_website_id
                having cast(:afterSeen as timestamptz) is null
                    or (min(f.first_seen_at), f.filed_website_id) > (cast(:afterSeen as timestamptz), cast(:afterId as uuid))
                 order by since, f.filed_website_id limit :limit""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("kind", kind).setParameter("seenBefore", seenBefore).setParameter("afterSeen", afterSeen).setParameter("afterId", afterId)
                .setParameter("limit", limit).getResultList());
    }
}
