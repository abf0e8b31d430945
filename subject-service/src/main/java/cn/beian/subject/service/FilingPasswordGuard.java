package cn.beian.subject.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.events.subject.FilingPasswordTried;
import cn.beian.contract.privacy.Masking;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.config.SubjectConfig;
import cn.beian.subject.domain.PasswordGuard;
import cn.beian.subject.domain.PasswordTry;
import cn.beian.subject.domain.PasswordTry.Outcome;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.repository.FilingPasswordRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Beian's own limit on filing-password tries (issue 17 §4; limits in {@link SubjectConfig.FilingPassword}). A try is
 * reserved before the administration is asked — under the subject's guard row lock, counted and recorded as
 * {@code PENDING} in one transaction, so parallel tries from any number of replicas never slip past a limit — and
 * settled with the administration's answer in a second transaction. The remaining-tries figure a wrong try answers
 * is computed by the same rule that admits the next try: when it says 0, the next try is refused.
 *
 * <p>The subject is the one the administration checks: the caller's subject's certificate. Its owner is the account
 * whose subject here holds the filing number, or else the account that first proved the password here; every
 * other account is a stranger, and the owner is told (event {@code subject.filing-password-tried}, at most once per
 * notice interval) when a stranger tries.
 */
@ApplicationScoped
public class FilingPasswordGuard {

    public static final String EXHAUSTED = "FILING_PASSWORD_TRIES_EXHAUSTED";
    public static final String LOCKED = "FILING_PASSWORD_LOCKED";
    public static final String WRONG = "FILING_PASSWORD_WRONG";

    private static final Logger LOG = Logger.getLogger(FilingPasswordGuard.class);

    private final SubjectConfig.FilingPassword config;
    private final SubjectRepository subjects;
    private final FilingPasswordRepository tries;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public FilingPasswordGuard(SubjectConfig.FilingPassword config, SubjectRepository subjects,
            FilingPasswordRepository tries, OutboxWriter outbox, BeianClock clock) {
        this.config = config;
        this.subjects = subjects;
        this.tries = tries;
        this.outbox = outbox;
        this.clock = clock;
        if (this.config.others() >= this.config.administrationMaxFailures() || this.config.perAccount() < 1) {
            throw new IllegalStateException("beian.filing-password: others must stay below the administration's "
                    + "max failures, and per-account must be at least 1");
        }
    }

    /** A try let through to the administration. */
    public record Ticket(UUID tryId, String subjectKey, String accountId, boolean owner,
            CertificateType certificateType, String certificateNumber) {
    }

    /** The caller's subject and either a ticket or the refusal to answer (after this transaction committed). */
    public record Reservation(Subject subject, Ticket ticket, ProblemException refusal) {
    }

    /** When the password was confirmed, or the problem to answer (after this transaction committed). */
    public record Settled(OffsetDateTime verifiedAt, ProblemException problem) {
    }

    private record Owner(String accountId, Subject subject) {
    }

    private record Counts(int ownWrong, OffsetDateTime ownOldest, int othersWrong, OffsetDateTime othersOldest,
            int pending) {
    }

    /** How many more wrong tries the account may make now; when none, from when on it may try again. */
    record Budget(int remaining, OffsetDateTime retryAt) {
    }

    public static String key(CertificateType type, String number) {
        return type.name() + ":" + number;
    }

    @WithTransaction
    public Uni<Reservation> reserve(String accountId) {
        return subjects.findByAccount(accountId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-required"));
            }
            String key = key(subject.certificateType, subject.certificateNumber);
            OffsetDateTime now = clock.now();
            return tries.lockGuard(key, now)
                    .chain(guard -> owner(guard, subject.certificateType, subject.certificateNumber).chain(owner -> {
                        boolean isOwner = owner != null && owner.accountId().equals(accountId);
                        if (guard.adminLockedUntil != null && !guard.adminLockedUntil.isAfter(now)) {
                            // The administration's lock ran out: it starts counting afresh.
                            guard.adminLockedUntil = null;
                            guard.adminFailures = 0;
                        }
                        guard.updatedAt = now;
                        return purge(key, now).chain(() -> counts(key, accountId, now))
                                .chain(counts -> {
                                    ProblemException refusal = null;
                                    if (guard.adminLockedUntil != null) {
                                        refusal = locked(guard.adminLockedUntil, false);
                                    } else {
                                        Budget budget = budget(guard, counts, isOwner, now);
                                        if (budget.remaining() <= 0) {
                                            refusal = exhausted(budget, false, now);
                                        }
                                    }
                                    PasswordTry t = new PasswordTry();
                                    t.id = UUID.randomUUID();
                                    t.subjectKey = key;
                                    t.accountId = accountId;
                                    t.owner = isOwner;
                                    t.outcome = refusal == null ? Outcome.PENDING : Outcome.REFUSED;
                                    t.triedAt = now;
                                    ProblemException answer = refusal;
                                    return tries.persistAndFlush(t)
                                            .chain(() -> isOwner || answer == null ? Uni.createFrom().voidItem()
                                                    : notice(guard, owner, Outcome.REFUSED, now))
                                            .map(v -> answer != null
                                                    ? new Reservation(subject, null, answer)
                                                    : new Reservation(subject, new Ticket(t.id, key, accountId,
                                                            isOwner, subject.certificateType,
                                                            subject.certificateNumber), null));
                                });
                    }));
        });
    }

    /** Records the administration's answer and decides what the caller is told. */
    @WithTransaction
    public Uni<Settled> settle(Ticket ticket, PasswordCheckResult r) {
        OffsetDateTime now = clock.now();
        int max = config.administrationMaxFailures();
        return tries.findGuardForUpdate(ticket.subjectKey())
                .chain(guard -> tries.findTry(ticket.tryId()).chain(t -> owner(guard,
                        ticket.certificateType(), ticket.certificateNumber()).chain(owner -> {
                    guard.updatedAt = now;
                    Outcome outcome;
                    switch (r.result()) {
                        case MATCH -> {
                            outcome = Outcome.MATCH;
                            guard.adminFailures = 0;
                            guard.adminLockedUntil = null;
                            if (owner == null) {
                                // The first account to prove the password here owns the subject's tries.
                                guard.ownerAccountId = ticket.accountId();
                            }
                        }
                        case MISMATCH -> {
                            outcome = Outcome.WRONG;
                            guard.adminFailures = Math.max(0, Math.min(max, max - r.remainingAttempts()));
                            if (r.lockedUntil() != null) {
                                guard.adminLockedUntil = r.lockedUntil();
                            }
                        }
                        default -> {
                            outcome = Outcome.LOCKED;
                            guard.adminFailures = max;
                            guard.adminLockedUntil = r.lockedUntil() != null ? r.lockedUntil()
                                    : now.plus(config.window());
                        }
                    }
                    t.outcome = outcome;
                    LOG.infof("Filing-password try on %s by %s (%s): %s", Masking.certificateNumber(
                            ticket.certificateNumber()), ticket.accountId(), ticket.owner() ? "owner" : "not owner",
                            outcome);
                    return tries.flush()
                            .chain(() -> ticket.owner() ? Uni.createFrom().voidItem()
                                    : notice(guard, owner, outcome, now))
                            .chain(() -> switch (outcome) {
                                case MATCH -> Uni.createFrom().item(new Settled(now, null));
                                case LOCKED -> Uni.createFrom().item(new Settled(null,
                                        locked(guard.adminLockedUntil, false)));
                                default -> answerWrong(guard, ticket, r, now);
                            });
                })));
    }

    /** The administration was not reached or refused the request: the try does not count. */
    @WithTransaction
    public Uni<Void> fail(Ticket ticket) {
        return tries.findTry(ticket.tryId())
                .invoke(t -> {
                    if (t != null) {
                        t.outcome = Outcome.FAILED;
                    }
                }).replaceWithVoid();
    }

    private Uni<Settled> answerWrong(PasswordGuard guard, Ticket ticket, PasswordCheckResult r,
            OffsetDateTime now) {
        int adminRemaining = Math.max(0, r.remainingAttempts());
        if (r.lockedUntil() != null || adminRemaining == 0) {
            return Uni.createFrom().item(new Settled(null, locked(r.lockedUntil(), true)));
        }
        return counts(ticket.subjectKey(), ticket.accountId(), now).map(counts -> {
            Budget budget = budget(guard, counts, ticket.owner(), now);
            if (budget.remaining() <= 0) {
                return new Settled(null, exhausted(budget, true, now));
            }
            int remaining = Math.min(budget.remaining(), adminRemaining);
            return new Settled(null, ProblemException.localized(ProblemType.VALIDATION_FAILED,
                    "detail.filing-password-wrong", List.of(FieldViolation.of("filingPassword", WRONG,
                            "field.filing-password-wrong", String.valueOf(remaining))))
                    .with("remainingAttempts", remaining));
        });
    }

    /**
     * The rule: per account {@code perAccount} wrong tries per window; strangers together {@code others} per window
     * and never beyond {@code others} on the administration's count; nobody beyond the administration's maximum.
     * Tries still being checked count as wrong.
     */
    Budget budget(PasswordGuard g, Counts c, boolean owner, OffsetDateTime now) {
        Duration window = config.window();
        int adminUsed = g.adminFailures + c.pending();
        int remaining = config.perAccount() - c.ownWrong();
        OffsetDateTime retryAt = remaining <= 0 ? retry(c.ownOldest(), now) : null;
        int admin = (owner ? config.administrationMaxFailures() : config.others()) - adminUsed;
        if (!owner) {
            int others = config.others() - c.othersWrong();
            if (others <= 0) {
                retryAt = later(retryAt, retry(c.othersOldest(), now));
            }
            remaining = Math.min(remaining, others);
        }
        if (admin <= 0) {
            // Only a match or the end of the administration's lock frees these: a window is the honest guess.
            retryAt = later(retryAt, now.plus(window));
        }
        remaining = Math.min(remaining, admin);
        return new Budget(Math.max(0, remaining), remaining <= 0 ? retryAt : null);
    }

    private OffsetDateTime retry(OffsetDateTime oldest, OffsetDateTime now) {
        return (oldest == null ? now : oldest).plus(config.window());
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    static ProblemException exhausted(Budget budget, boolean wrongPassword, OffsetDateTime now) {
        long seconds = Math.max(1, (Duration.between(now, budget.retryAt()).toMillis() + 999) / 1000);
        String what = wrongPassword ? "filing-password-wrong-no-tries" : "filing-password-no-tries";
        String retryAt = String.valueOf(budget.retryAt());
        return ProblemException.localized(ProblemType.TOO_MANY_REQUESTS, "detail." + what,
                List.of(FieldViolation.of("filingPassword", wrongPassword ? WRONG : EXHAUSTED, "field." + what,
                        retryAt)), retryAt)
                .with("code", EXHAUSTED)
                .with("remainingAttempts", 0)
                .with("retryAt", budget.retryAt())
                .with("retryAfterSeconds", seconds);
    }

    static ProblemException locked(OffsetDateTime until, boolean wrongPassword) {
        String what = until == null ? "filing-password-locked" : "filing-password-locked-until";
        Object[] args = until == null ? new Object[0] : new Object[] {String.valueOf(until)};
        ProblemException p = ProblemException.localized(ProblemType.CONFLICT, "detail." + what, wrongPassword
                ? List.of(FieldViolation.of("filingPassword", WRONG, "field." + what, args)) : List.of(), args)
                .with("code", LOCKED)
                .with("remainingAttempts", 0);
        return until == null ? p : p.with("lockedUntil", until);
    }

    /** The account whose subject here holds the filing number, else the account that proved the password here. */
    private Uni<Owner> owner(PasswordGuard guard, CertificateType type, String number) {
        return subjects.find("certificateType = ?1 and certificateNumber = ?2 and filingNumber is not null", type,
                number).firstResult().chain(approved -> {
                    if (approved != null) {
                        return Uni.createFrom().item(new Owner(approved.accountId, approved));
                    }
                    if (guard.ownerAccountId == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return subjects.findByAccount(guard.ownerAccountId)
                            .map(s -> new Owner(guard.ownerAccountId, s));
                });
    }

    private Uni<Counts> counts(String key, String accountId, OffsetDateTime now) {
        OffsetDateTime since = now.minus(config.window());
        return tries.wrongSince(key, accountId, since)
                .chain(own -> tries.wrongSince(key, null, since)
                        .chain(others -> tries.pendingSince(key, since)
                                .map(pending -> new Counts(own.count(), own.oldest(), others.count(), others.oldest(),
                                        pending))));
    }

    /** Try rows are kept for {@code retention} (the window at least), then deleted when the subject is next tried. */
    private Uni<Integer> purge(String key, OffsetDateTime now) {
        Duration keep = config.retention().compareTo(config.window()) < 0 ? config.window() : config.retention();
        return tries.deleteTriedBefore(key, now.minus(keep));
    }

    /** Tells the owner a stranger tried, unless they were told less than a notice interval ago. */
    private Uni<Void> notice(PasswordGuard guard, Owner owner, Outcome outcome, OffsetDateTime now) {
        if (owner == null || owner.subject() == null) {
            return Uni.createFrom().voidItem();
        }
        if (guard.lastNoticeAt != null && guard.lastNoticeAt.plus(config.noticeInterval()).isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime since = guard.lastNoticeAt != null ? guard.lastNoticeAt : now.minus(config.window());
        Subject s = owner.subject();
        guard.lastNoticeAt = now;
        return tries.strangerTriesSince(guard.subjectKey, since)
                .chain(n -> outbox.append(new FilingPasswordTried(s.id.toString(), owner.accountId(),
                        s.certificateType, Masking.certificateNumber(s.certificateNumber),
                        outcome == Outcome.MATCH ? "MATCH" : outcome == Outcome.WRONG ? "WRONG" : "REFUSED",
                        (int) Math.max(1, n), now)))
                .replaceWithVoid();
    }
}
