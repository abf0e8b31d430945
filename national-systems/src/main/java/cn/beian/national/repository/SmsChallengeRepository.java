package cn.beian.national.repository;

import cn.beian.national.domain.SmsChallenge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SmsChallengeRepository implements PanacheRepositoryBase<SmsChallenge, UUID> {

    public Uni<List<SmsChallenge>> bySubmission(String submissionId) {
        return find("submissionId = ?1 order by createdAt, mobile", submissionId).list();
    }

    /** Unverified challenges for a mobile (their submissions' state is checked by the caller). */
    public Uni<List<SmsChallenge>> pendingByMobile(String mobile) {
        return find("mobile = ?1 and verifiedAt is null order by createdAt", mobile).list();
    }
}
