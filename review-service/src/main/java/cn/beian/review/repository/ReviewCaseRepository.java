package cn.beian.review.repository;

import cn.beian.contract.events.review.ReviewKind;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.ReviewCase;
import cn.beian.platform.rest.Cursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReviewCaseRepository implements PanacheRepositoryBase<ReviewCase, UUID> {

    /**
     * Claims the oldest claimable case (open, complete, no live lease) in one statement: the case is found, locked,
     * leased to {@code :reviewer} until {@code :until} and its version bumped, and the row answered with the lease
     * it replaced (a lapsed one: {@code previous_claimed_by}, {@code previous_lease_until}). Cases other
     * transactions hold are skipped, so concurrent claimers (in any number of instances) never get the same one.
     * {@code $kind} is an optional filter. Shared with the tests that claim from a second "instance" over JDBC.
     *
     * <p>The oldest unclaimed case and the oldest case whose lease lapsed are each found through an index of their
     * own (the cases being held are never scanned), and the older of the two is the claim; the other stays locked
     * until this transaction ends, so a concurrent claimer skips it meanwhile. The lapsed ones are first taken from
     * the lease index (the 100 that lapsed longest ago, oldest case first among them): asked for the oldest lapsed
     * case directly, PostgreSQL walks the whole queue in age order looking for one, and usually none has lapsed —
     * 12 000 open cases made every claim 4–10 ms slower.
     *
     * <p>A case whose approval {@code :reviewer} asked a second reviewer to confirm is never offered back to them: they
     * cannot confirm it, and being the oldest it would come back at every claim.
     */
    public static final String CLAIM_NEXT = """
            with unclaimed as (
                select id, opened_at, claimed_by, lease_until from review_case
                 where status = 'OPEN' and claimed_by is null
                   and (cast(:kind as text) is null or kind = cast(:kind as text))
                   and (approval_requested_by is null or approval_requested_by <> cast(:reviewer as text))
                 order by opened_at, id limit 1 for update skip locked),
            lapsed as (
                select id, opened_at, claimed_by, lease_until from review_case
                 where id in (select id from review_case
                               where status = 'OPEN' and claimed_by is not null and lease_until <= :now
                                 and (cast(:kind as text) is null or kind = cast(:kind as text))
                                 and (approval_requested_by is null or approval_requested_by <> cast(:reviewer as text))
                               order by lease_until limit 100)
                   and status = 'OPEN' and claimed_by is not null and lease_until <= :now
                   and (cast(:kind as text) is null or kind = cast(:kind as text))
                   and (approval_requested_by is null or approval_requested_by <> cast(:reviewer as text))
                 order by opened_at, id limit 1 for update skip locked),
            chosen as (select * from unclaimed union all select * from lapsed order by opened_at, id limit 1)
            update review_case c set claimed_by = cast(:reviewer as text), lease_until = :until, version = c.version + 1
              from chosen where c.id = chosen.id
            returning c.*, chosen.claimed_by as previous_claimed_by, chosen.lease_until as previous_lease_until""";

    /** A case just claimed, with the lease it replaced (both null when it was unclaimed). */
    public record Claimed(ReviewCase c, String previousClaimedBy, OffsetDateTime previousLeaseUntil) {
    }

    public Uni<Optional<Claimed>> claimNext(ReviewKind kind, String reviewerId, OffsetDateTime now,
            OffsetDateTime until) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM_NEXT,
                        s.getResultSetMapping(Object[].class, ReviewCase.CLAIMED_MAPPING))
                .setParameter("now", now)
                .setParameter("until", until)
                .setParameter("reviewer", reviewerId)
                .setParameter("kind", kind == null ? null : kind.name())
                .getResultList()
                .map(found -> found.stream().findFirst()
                        .map(r -> new Claimed((ReviewCase) r[0], (String) r[1], (OffsetDateTime) r[2]))));
    }

    public Uni<ReviewCase> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<ReviewCase> live(String orderId) {
        return find("orderId = ?1 and status in ?2", orderId, List.of(CaseStatus.ASSEMBLING, CaseStatus.OPEN))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The queue page: live cases oldest first, after {@code after}. */
    public Uni<List<ReviewCase>> queue(List<CaseStatus> statuses, ReviewKind kind, String orderId, Cursor after,
            int limit) {
        StringBuilder q = new StringBuilder("status in :statuses");
        Parameters p = Parameters.with("statuses", statuses);
        if (orderId != null) {
            q.append(" and orderId = :orderId");
            p.and("orderId", orderId);
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            p.and("kind", kind);
        }
        if (after != null) {
            q.append(" and (openedAt > :at or (openedAt = :at and cast(id as string) > :id))");
            p.and("at", after.at()).and("id", after.id());
        }
        q.append(" order by openedAt, cast(id as string)");
        return find(q.toString(), p).page(0, limit).list();
    }

    /** The order's photo case approved last, or {@code null} where no photo was approved. */
    public Uni<ReviewCase> lastApprovedPhoto(String orderId) {
        return find("orderId = ?1 and kind = ?2 and status = ?3 order by decidedAt desc", orderId, ReviewKind.PHOTO,
                CaseStatus.APPROVED).firstResult();
    }

    public Uni<List<ReviewCase>> ofOrder(String orderId) {
        return list("orderId = ?1 order by openedAt", orderId);
    }

    /** Live cases (assembling or open) per kind and status: how many, the oldest opened, and how many are overdue. */
    public Uni<List<Object[]>> queueByKindAndStatus(java.time.OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select kind, status, count(*), min(opened_at), count(*) filter (where due_at < :now)
                  from review_case where status in ('ASSEMBLING', 'OPEN') group by kind, status""", Object[].class)
                .setParameter("now", now).getResultList());
    }
}
