package cn.beian.subject.repository;

import cn.beian.subject.domain.SubjectFinding;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The subject checks' findings, and the claims of the subjects due a finding. */
@ApplicationScoped
public class SubjectFindingRepository implements PanacheRepositoryBase<SubjectFinding, UUID> {

    /**
     * Approved subjects whose principal's certificate was last valid before {@code today} and that have no open finding
     * of that kind, locked with {@code skip locked}: another replica's round takes others, never the same ones.
     * Answers (subject id, account, number, valid until, the subject's latest approved order).
     */
    public Uni<List<Object[]>> claimExpired(LocalDate today, int limit) {
        return getSession().chain(s -> s.createNativeQuery("""
                        select s.id, s.account_id, s.filing_number, s.principal_certificate_valid_until,
                               (select o.id from filing_order o where o.subject_id = s.id and o.state = 'APPROVED'
                                 order by o.updated_at desc limit 1)
                          from subject s
                         where s.filing_number is not null and s.principal_certificate_valid_until < :today
                           and not exists (select 1 from subject_finding f where f.subject_id = s.id
                                              and f.kind = :kind and f.resolved_at is null)
                         order by s.principal_certificate_valid_until, s.id
                         limit :limit for update of s skip locked""", Object[].class)
                .setParameter("today", today).setParameter("kind", SubjectFinding.PRINCIPAL_CERTIFICATE_EXPIRED)
                .setParameter("limit", limit).getResultList());
    }

    /** Inserts the finding unless the subject has one of its kind open; answers whether it was inserted. */
    public Uni<Boolean> insertOnce(SubjectFinding f) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into subject_finding (id, subject_id, account_id, kind, field_key, valid_until,
                                                     mobile_key, raised_at)
                        values (:id, :subject, :account, :kind, :field, :validUntil, :mobileKey, :at)
                        on conflict (subject_id, kind) where resolved_at is null do nothing""")
                .setParameter("id", f.id).setParameter("mobileKey", f.mobileKey).setParameter("subject", f.subjectId).setParameter("account", f.accountId)
                .setParameter("kind", f.kind).setParameter("field", f.fieldKey)
                .setParameter("validUntil", f.validUntil).setParameter("at", f.raisedAt)
                .executeUpdate()).map(n -> n > 0);
    }

    /**
     * Resolves the open expired-certificate findings of subjects that no longer show one: a validity recorded since
     * (a change filing) that has not passed, none at all, or a subject no longer approved. Answers how many.
     */
    public Uni<Integer> resolveCleared(LocalDate today, OffsetDateTime now) {
        return getSession().chain(s -> s.createNativeQuery("""
                        update subject_finding f set resolved_at = :now from subject s
                         where f.subject_id = s.id and f.resolved_at is null and f.kind = :kind
                           and (s.filing_number is null or s.principal_certificate_valid_until is null
                                or s.principal_certificate_valid_until >= :today)""")
                .setParameter("now", now).setParameter("kind", SubjectFinding.PRINCIPAL_CERTIFICATE_EXPIRED)
                .setParameter("today", today).executeUpdate());
    }

    /** The subject's latest approved order, if any (the findings' messages link to it). */
    public Uni<UUID> latestApprovedOrder(UUID subjectId) {
        return getSession().chain(s -> s.createNativeQuery("""
                        select o.id from filing_order o where o.subject_id = :subject and o.state = 'APPROVED'
                         order by o.updated_at desc limit 1""", UUID.class)
                .setParameter("subject", subjectId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Resolves the account's open undeliverable-mobile findings of this mobile; answers how many. */
    public Uni<Integer> resolveMobile(String accountId, String mobileKey, OffsetDateTime now) {
        return getSession().chain(s -> s.createNativeQuery("""
                        update subject_finding set resolved_at = :now
                         where account_id = :account and mobile_key = :key and kind = :kind and resolved_at is null""")
                .setParameter("now", now).setParameter("account", accountId).setParameter("key", mobileKey)
                .setParameter("kind", SubjectFinding.MOBILE_UNDELIVERABLE).executeUpdate());
    }

    /** The open undeliverable-mobile findings, oldest first, at most {@code limit}. */
    public Uni<List<SubjectFinding>> openMobileFindings(int limit) {
        return find("kind = ?1 and resolvedAt is null order by raisedAt", SubjectFinding.MOBILE_UNDELIVERABLE)
                .page(0, limit).list();
    }

    /** Resolves one finding unless it is resolved already. */
    public Uni<Integer> resolve(UUID id, OffsetDateTime now) {
        return update("resolvedAt = ?1 where id = ?2 and resolvedAt is null", now, id);
    }

    /** Every finding of a subject, newest first. */
    public Uni<List<SubjectFinding>> of(UUID subjectId) {
        return list("subjectId = ?1 order by raisedAt desc", subjectId);
    }
}
