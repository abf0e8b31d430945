package cn.beian.subject.rest;

import cn.beian.subject.domain.SubjectFinding;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A subject check's finding: {@code kind} (PRINCIPAL_CERTIFICATE_EXPIRED), the field it is about as a JSON path, the
 * last valid day, and whether it is still open ({@code resolvedAt} null): open, the subject needs a change filing.
 */
public record SubjectFindingView(String id, String kind, String fieldKey, LocalDate validUntil,
        OffsetDateTime raisedAt, OffsetDateTime resolvedAt) {

    static SubjectFindingView of(SubjectFinding f) {
        return new SubjectFindingView(f.id.toString(), f.kind, f.fieldKey, f.validUntil, f.raisedAt, f.resolvedAt);
    }
}
