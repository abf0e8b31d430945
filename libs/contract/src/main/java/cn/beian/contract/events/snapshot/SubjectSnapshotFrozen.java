package cn.beian.contract.events.snapshot;

import java.time.OffsetDateTime;
import java.util.List;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.EventPayload;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;

/**
 * subject-service froze the subject part of an order at submission (and at each resubmission): published in the same
 * transaction as the SUBMIT/RESUBMIT {@code order.transitioned.v1}, and before it in the topic, so consumers know the
 * subject and its people by the time they learn the order moved. Keyed by the order.
 *
 * @param submissionCount  1 for the first submission, +1 for each resubmission: the snapshot's own version
 * @param accountEmail     the account's e-mail (from its token), where it has one
 * @param subject          the subject as submitted
 * @param findings         the province rules' findings on the subject (libs/rules), for the reviewer: warnings,
 *                         checklist items and rules that could not be judged (a blocking one refuses submit first)
 * @param changeKind       what a CHANGE order changes; {@code null} for other types
 * @param changes          a CHANGE order's subject fields that differ from the approved subject, before → after
 *                         (personal data masked, {@link FieldChange}); empty for other types
 */
public record SubjectSnapshotFrozen(
        String orderId,
        String accountId,
        String accountEmail,
        FilingType type,
        Province province,
        int submissionCount,
        Subject subject,
        List<Finding> findings,
        OffsetDateTime frozenAt,
        ChangeKind changeKind,
        List<FieldChange> changes) implements EventPayload {

    public SubjectSnapshotFrozen {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The snapshot of an order that is not a change. */
    public SubjectSnapshotFrozen(String orderId, String accountId, String accountEmail, FilingType type,
            Province province, int submissionCount, Subject subject, List<Finding> findings, OffsetDateTime frozenAt) {
        this(orderId, accountId, accountEmail, type, province, submissionCount, subject, findings, frozenAt, null,
                List.of());
    }

    /**
     * @param subjectFilingNumber the subject's number where the administration already issued one
     * @param legalPerson         a unit's legal representative where the applicant gave one (no mobile or e-mail)
     */
    public record Subject(
            String subjectId,
            String subjectFilingNumber,
            SubjectNature nature,
            String name,
            CertificateType certificateType,
            String certificateNumber,
            String certificateAddress,
            String communicationAddress,
            String city,
            String district,
            String investorOrSupervisor,
            String remarks,
            Person principal,
            Person legalPerson) {
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
