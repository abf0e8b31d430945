package cn.beian.national.repository;

import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.domain.Submission;
import cn.beian.national.domain.SubmissionDomain;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, String> {

    private static final List<SubmissionStatus> OPEN = List.of(SubmissionStatus.SMS_VERIFICATION,
            SubmissionStatus.UNDER_REVIEW);

    public Uni<Submission> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open submissions of the subject with any of these certificate numbers, but {@code except}. */
    public Uni<List<Submission>> openByCertificate(Collection<String> numbers, String except) {
        return find("subjectCertificateNumber in ?1 and status in ?2 and id <> ?3", numbers, OPEN, except).list();
    }

    /** Domains of open submissions, but {@code except}'s. */
    public Uni<List<SubmissionDomain>> openDomains(Collection<String> domains, String except) {
        if (domains.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery(
                "select d from SubmissionDomain d, Submission s where s.id = d.submissionId and d.domain in ?1 "
                        + "and s.status in ?2 and s.id <> ?3", SubmissionDomain.class)
                .setParameter(1, domains).setParameter(2, OPEN).setParameter(3, except)
                .getResultList());
    }

    /** Ids of submissions whose SMS deadline has passed. */
    public Uni<List<String>> smsOverdue(OffsetDateTime now, int limit) {
        return find("status = ?1 and smsDeadline <= ?2 order by smsDeadline", SubmissionStatus.SMS_VERIFICATION, now)
                .project(IdOnly.class).range(0, limit - 1).list().map(l -> l.stream().map(IdOnly::id).toList());
    }

    /** Ids of submissions due for the authority's decision. */
    public Uni<List<String>> reviewDue(OffsetDateTime now, int limit) {
        return find("status = ?1 and reviewDueAt <= ?2 order by reviewDueAt", SubmissionStatus.UNDER_REVIEW, now)
                .project(IdOnly.class).range(0, limit - 1).list().map(l -> l.stream().map(IdOnly::id).toList());
    }

    public record IdOnly(String id) {
    }
}
