package cn.beian.subject.service;

import cn.beian.contract.events.subject.SubjectCheckFindingRaised;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.subject.domain.SubjectFinding;
import cn.beian.subject.repository.SubjectFindingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Raises a subject finding once: recorded unless the subject has an open one of its kind, and only then announced as
 * {@code subject.check-finding-raised} in the same transaction (notification-service tells the applicant). Every
 * kind of subject check raises through here: the certificate checks' rounds and undeliverable mobiles.
 */
@ApplicationScoped
public class SubjectFindingRaiser {

    private final SubjectFindingRepository findings;
    private final OutboxWriter outbox;

    public SubjectFindingRaiser(SubjectFindingRepository findings, OutboxWriter outbox) {
        this.findings = findings;
        this.outbox = outbox;
    }

    /**
     * Records {@code f} and announces it with the subject's filing number and its latest approved order (either may be
     * null); answers whether it was new.
     */
    public Uni<Boolean> raiseOnce(SubjectFinding f, String filingNumber, String orderId) {
        return findings.insertOnce(f).call(inserted -> !inserted ? Uni.createFrom().voidItem()
                : outbox.append(new SubjectCheckFindingRaised(f.id.toString(), f.subjectId.toString(), f.accountId,
                        orderId, filingNumber, f.kind, f.fieldKey, f.validUntil, f.raisedAt)));
    }
}
