package cn.beian.subject.service;

import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.domain.SubjectFinding;
import cn.beian.subject.repository.SubjectFindingRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The subject finding {@code MOBILE_UNDELIVERABLE}: notification-service's {@code mobile.undeliverable.v1} says an
 * account's mobile no longer receives SMS; where that account's filed subject has it as its principal's mobile
 * ({@code principal.mobile}), the finding is raised once and announced as {@code subject.check-finding-raised} (the
 * applicant is told by e-mail). It is resolved when the account confirms that mobile again ({@code mobile.confirmed.v1})
 * or when the principal's mobile is no longer it (a change filing; the subject checks' round looks).
 */
@ApplicationScoped
public class UndeliverableMobiles {

    private static final Logger LOG = Logger.getLogger(UndeliverableMobiles.class);
    static final String FIELD = "principal.mobile";
    private static final int MAX_PER_ROUND = 500;

    private final SubjectRepository subjects;
    private final SubjectFindingRepository findings;
    private final SubjectFindingRaiser raiser;
    private final BeianClock clock;

    public UndeliverableMobiles(SubjectRepository subjects, SubjectFindingRepository findings,
            SubjectFindingRaiser raiser, BeianClock clock) {
        this.subjects = subjects;
        this.findings = findings;
        this.raiser = raiser;
        this.clock = clock;
    }

    /** Applies {@code mobile.undeliverable.v1} (inside the idempotent consumer's transaction). */
    public Uni<Void> undeliverable(MobileUndeliverable e) {
        if (e == null || blank(e.accountId()) || blank(e.mobileKey())) {
            throw new MalformedEventException("mobile.undeliverable.v1 without accountId or mobileKey");
        }
        return subjects.findByAccount(e.accountId()).chain(subject -> {
            if (subject == null || subject.filingNumber == null || subject.principal == null
                    || !Phones.mobileKey(subject.principal.mobile).equals(Optional.of(e.mobileKey()))) {
                return Uni.createFrom().voidItem(); // not a filed subject's principal mobile: nothing to change
            }
            return raise(subject, e.mobileKey());
        });
    }

    /** Applies {@code mobile.confirmed.v1}: the account reaches the mobile again, its findings are resolved. */
    public Uni<Void> confirmed(MobileConfirmed e) {
        if (e == null || blank(e.accountId()) || blank(e.mobileKey())) {
            return Uni.createFrom().voidItem(); // MobileConfirmations rejects it
        }
        return findings.resolveMobile(e.accountId(), e.mobileKey(), clock.now()).invoke(n -> {
            if (n > 0) {
                LOG.infof("Account %s confirmed its undeliverable mobile again: %d finding(s) resolved",
                        e.accountId(), n);
            }
        }).replaceWithVoid();
    }

    /**
     * Resolves the open findings whose subject's principal no longer has that mobile, or lost its number (inside the
     * caller's transaction: the subject checks' round); answers how many.
     */
    public Uni<Integer> resolveChanged(OffsetDateTime now) {
        return findings.openMobileFindings(MAX_PER_ROUND).chain(open -> open.isEmpty() ? Uni.createFrom().item(0)
                : subjects.list("id in ?1", open.stream().map(f -> f.subjectId).distinct().toList()).chain(found -> {
                    // the round's subjects in one query, not one per finding
                    Map<UUID, Subject> byId = new HashMap<>();
                    found.forEach(s -> byId.put(s.id, s));
                    return Multi.createFrom().iterable(open).onItem().transformToUniAndConcatenate(f -> {
                        Subject s = byId.get(f.subjectId);
                        boolean still = s != null && s.filingNumber != null && s.principal != null
                                && Objects.equals(Phones.mobileKey(s.principal.mobile).orElse(null), f.mobileKey);
                        return still ? Uni.createFrom().item(0) : findings.resolve(f.id, now);
                    }).collect().asList().map(list -> list.stream().mapToInt(Integer::intValue).sum());
                }));
    }

    private Uni<Void> raise(Subject subject, String mobileKey) {
        OffsetDateTime now = clock.now();
        SubjectFinding f = new SubjectFinding();
        f.id = UUID.randomUUID();
        f.subjectId = subject.id;
        f.accountId = subject.accountId;
        f.kind = SubjectFinding.MOBILE_UNDELIVERABLE;
        f.fieldKey = FIELD;
        f.mobileKey = mobileKey;
        f.raisedAt = now;
        return findings.latestApprovedOrder(subject.id).chain(order -> raiser.raiseOnce(f, subject.filingNumber,
                order == null ? null : order.toString())).invoke(inserted -> {
                    if (inserted) {
                        LOG.infof("Subject %s (%s): the principal's mobile no longer receives SMS", subject.id,
                                subject.filingNumber);
                    }
                }).replaceWithVoid();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
