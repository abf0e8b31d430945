package cn.beian.subject.service;

import cn.beian.subject.config.SubjectConfig;
import cn.beian.subject.domain.SubjectFinding;
import cn.beian.subject.repository.SubjectFindingRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checks of approved subjects on the business clock: the subject principal's certificate past its validity
 * ({@code principal.certificateValidUntil} before today) needs a change filing. Each is raised once
 * ({@code subject.check-finding-raised}, in the transaction that records it) and stays open until the subject no
 * longer shows it. Safe on every replica at once: a round claims the subjects it raises findings for with
 * {@code skip locked}, and the open finding's unique key refuses a second one.
 */
@ApplicationScoped
public class SubjectChecks {

    private static final Logger LOG = Logger.getLogger(SubjectChecks.class);
    static final String FIELD = "principal.certificateValidUntil";

    /** What a round did. */
    public record Round(int raised, int resolved) {
    }

    private final SubjectFindingRepository findings;
    private final SubjectFindingRaiser raiser;
    private final BeianClock clock;
    private final SubjectConfig.SubjectChecks config;
    private final UndeliverableMobiles mobiles;

    public SubjectChecks(SubjectFindingRepository findings, SubjectFindingRaiser raiser, BeianClock clock,
            SubjectConfig.SubjectChecks config, UndeliverableMobiles mobiles) {
        this.mobiles = mobiles;
        this.findings = findings;
        this.raiser = raiser;
        this.clock = clock;
        this.config = config;
    }

    /**
     * One round, in one transaction: findings no longer shown resolved (an expired certificate renewed, an
     * undeliverable mobile no longer the principal's), then new ones raised (at most a round's).
     */
    @WithTransaction
    public Uni<Round> runRound() {
        OffsetDateTime now = clock.now();
        LocalDate today = now.toLocalDate();
        return findings.resolveCleared(today, now).chain(certificates -> mobiles.resolveChanged(now)
                .map(changed -> certificates + changed)).chain(resolved -> findings.claimExpired(today, config.maxPerRound())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(row -> raise(row, now))
                        .collect().asList())
                .map(raised -> new Round((int) raised.stream().filter(Boolean::booleanValue).count(), resolved)));
    }

    private Uni<Boolean> raise(Object[] row, OffsetDateTime now) {
        SubjectFinding f = new SubjectFinding();
        f.id = UUID.randomUUID();
        f.subjectId = (UUID) row[0];
        f.accountId = (String) row[1];
        f.kind = SubjectFinding.PRINCIPAL_CERTIFICATE_EXPIRED;
        f.fieldKey = FIELD;
        f.validUntil = (LocalDate) row[3];
        f.raisedAt = now;
        String number = (String) row[2];
        String order = row[4] == null ? null : row[4].toString();
        return raiser.raiseOnce(f, number, order).invoke(inserted -> {
            if (inserted) {
                LOG.infof("Subject %s (%s): the principal's certificate expired after %s; a change filing is required",
                        f.subjectId, number, f.validUntil);
            }
        });
    }

    /** Every finding of a subject the caller may see (inside its session), newest first. */
    @WithSession
    public Uni<List<SubjectFinding>> of(UUID subjectId) {
        return findings.of(subjectId);
    }
}
