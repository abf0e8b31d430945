package cn.beian.subject.repository;

import cn.beian.subject.domain.PasswordGuard;
import cn.beian.subject.domain.PasswordTry;
import cn.beian.subject.domain.PasswordTry.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Filing-password guards and tries ({@code filing_password_guard}, {@code filing_password_try}), in the caller's
 * transaction. A subject is named by its key, {@code <certificateType>:<certificateNumber>}.
 */
@ApplicationScoped
public class FilingPasswordRepository {

    /** How many tries counted as wrong, and the oldest of them ({@code null} when none). */
    public record WrongTries(int count, OffsetDateTime oldest) {
    }

    /** The subject's guard, created on its first try, locked until the transaction ends. */
    public Uni<PasswordGuard> lockGuard(String key, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into filing_password_guard (subject_key, admin_failures, updated_at)
                        values (:key, 0, :now) on conflict (subject_key) do nothing""")
                .setParameter("key", key).setParameter("now", now).executeUpdate()
                .chain(() -> session.find(PasswordGuard.class, key, LockModeType.PESSIMISTIC_WRITE)));
    }

    /** The guard of a subject already tried, locked until the transaction ends. */
    public Uni<PasswordGuard> findGuardForUpdate(String key) {
        return Panache.getSession().chain(session -> session.find(PasswordGuard.class, key,
                LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<PasswordTry> findTry(UUID id) {
        return Panache.getSession().chain(session -> session.find(PasswordTry.class, id));
    }

    /** Records a try and writes it at once, so that a parallel count sees it. */
    public Uni<Void> persistAndFlush(PasswordTry t) {
        return Panache.getSession().chain(session -> session.persist(t).chain(session::flush));
    }

    public Uni<Void> flush() {
        return Panache.getSession().chain(Mutiny.Session::flush);
    }

    /**
     * Tries since {@code since} still being checked or found wrong: of {@code accountId}, or of every account but the
     * owner where {@code accountId} is {@code null}.
     */
    public Uni<WrongTries> wrongSince(String key, String accountId, OffsetDateTime since) {
        String who = accountId != null ? "t.accountId = :account" : "t.owner = false";
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> q = session.createSelectionQuery(
                            "select count(t), min(t.triedAt) from PasswordTry t where t.subjectKey = :key and " + who
                                    + " and (t.outcome = :pending or t.outcome = :wrong) and t.triedAt > :since",
                            Object[].class)
                    .setParameter("key", key).setParameter("pending", Outcome.PENDING)
                    .setParameter("wrong", Outcome.WRONG).setParameter("since", since);
            if (accountId != null) {
                q.setParameter("account", accountId);
            }
            return q.getSingleResult();
        }).map(r -> new WrongTries(((Long) r[0]).intValue(), (OffsetDateTime) r[1]));
    }

    /** Tries since {@code since} the administration has not answered yet. */
    public Uni<Integer> pendingSince(String key, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                        select count(t) from PasswordTry t where t.subjectKey = :key
                        and t.outcome = :pending and t.triedAt > :since""", Long.class)
                .setParameter("key", key).setParameter("pending", Outcome.PENDING)
                .setParameter("since", since).getSingleResult()).map(Long::intValue);
    }

    /** Tries by accounts other than the owner since {@code since}, but those that never reached anyone. */
    public Uni<Long> strangerTriesSince(String key, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                        select count(t) from PasswordTry t where t.subjectKey = :key and t.owner = false
                        and t.outcome <> :failed and t.triedAt > :since""", Long.class)
                .setParameter("key", key).setParameter("failed", Outcome.FAILED)
                .setParameter("since", since).getSingleResult());
    }

    /** Deletes the subject's tries older than {@code cutoff}. */
    public Uni<Integer> deleteTriedBefore(String key, OffsetDateTime cutoff) {
        return Panache.getSession().chain(session -> session.createMutationQuery(
                        "delete from PasswordTry t where t.subjectKey = :key and t.triedAt < :cutoff")
                .setParameter("key", key).setParameter("cutoff", cutoff).executeUpdate());
    }
}
