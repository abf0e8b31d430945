package cn.beian.review.repository;

import cn.beian.review.domain.AuthoritySubmission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<AuthoritySubmission, String> {

    public Uni<AuthoritySubmission> lock(String submissionId) {
        return findById(submissionId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<String>> pendingIds(int limit) {
        return find("status = ?1 order by createdAt", AuthoritySubmission.PENDING).page(0, limit).list()
                .map(l -> l.stream().map(s -> s.submissionId).toList());
    }

    /** Undecided submissions per status (PENDING: not yet sent; SUBMITTED: waiting for the administration). */
    public Uni<List<Object[]>> undecidedByStatus() {
        return getSession().chain(s -> s.createNativeQuery(
                "select status, count(*), min(created_at) from authority_submission where decided_at is null group by status",
                Object[].class).getResultList());
    }

    /** When the feed cursor last moved: the last outcome applied. */
    public Uni<java.time.OffsetDateTime> feedCursorMovedAt() {
        return getSession().chain(s -> s.createNativeQuery("select updated_at from feed_cursor where id = 1",
                Object.class).getSingleResult()).map(ReviewTimes::time);
    }
}
