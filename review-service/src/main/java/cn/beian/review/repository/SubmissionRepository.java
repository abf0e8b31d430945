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
}
