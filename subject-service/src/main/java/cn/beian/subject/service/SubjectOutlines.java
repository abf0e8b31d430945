package cn.beian.subject.service;

import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.snapshot.FieldChange;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.findings.Finding;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import cn.beian.time.BeianClock;
import cn.beian.validators.Ages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What other services learn about the subject an order files for: the outline website- and materials-service check
 * against while the order is edited ({@code order.subject-outlined}), and the snapshot frozen at each submission
 * ({@code subject.snapshot-frozen}). Both are built from the subject as this order files it — for a CHANGE order its
 * draft revision. Callers run inside the transaction that changed the order or the subject.
 */
@ApplicationScoped
public class SubjectOutlines {

    private final OutboxWriter outbox;
    private final BeianClock clock;

    public SubjectOutlines(OutboxWriter outbox, BeianClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Announces the subject as {@code order} now files it.
     *
     * @param revision increases with every change of what the order files (see {@link SubjectRevisions.Filed})
     */
    public Uni<Void> announce(FilingOrder order, Subject subject, long revision) {
        OffsetDateTime now = clock.now();
        boolean needsEmployment = !subject.nature.isUnit() && Ages.assess(subject.principal.certificateType,
                subject.principal.certificateNumber, now.toLocalDate())
                .map(Ages.Assessment::needsEmploymentProof).orElse(false);
        OrderSubjectOutlined outline = new OrderSubjectOutlined(order.id.toString(), order.accountId,
                subject.id.toString(), order.type, order.province, subject.nature, subject.name,
                subject.certificateType, subject.certificateNumber, subject.certificateAddress,
                person(subject.principal), needsEmployment, revision, now);
        return outbox.append(outline).replaceWithVoid();
    }

    /**
     * The snapshot frozen at the order's current submission ({@link FilingOrder#submissionCount}). The subject's number
     * is its own once filed here, else the registry's for an order on a subject filed elsewhere (an access filing, a
     * new website): the administration names the subject by it. A CHANGE order's snapshot carries its kind and the
     * subject fields it changes ({@code changes}, before → after), for the reviewer's diff; {@code judged} are the
     * subject's findings the submission was judged with ({@link OrderFindings#judged}), in both languages.
     */
    public SubjectSnapshotFrozen snapshot(FilingOrder order, Subject s, List<FieldChange> changes,
            List<Finding> judged) {
        return new SubjectSnapshotFrozen(order.id.toString(), order.accountId, order.accountEmail, order.type,
                order.province, order.submissionCount,
                new SubjectSnapshotFrozen.Subject(s.id.toString(),
                        s.filingNumber != null ? s.filingNumber : order.registrySubjectNumber, s.nature, s.name,
                        s.certificateType,
                        s.certificateNumber, s.certificateAddress, s.communicationAddress, s.city, s.district,
                        s.investor, s.remarks, person(s.principal), s.legalPersonName == null ? null
                                : new Person(s.legalPersonName, s.legalPersonCertificateType,
                                        s.legalPersonCertificateNumber, null, null)),
                judged, clock.now(), order.changeKind, changes);
    }

    static Person person(Principal p) {
        return new Person(p.name, p.certificateType, p.certificateNumber, p.mobile, p.email);
    }
}
