package cn.beian.subject.rest;

import cn.beian.subject.domain.SubjectFinding;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A subject check's finding: {@code kind} (PRINCIPAL_CERTIFICATE_EXPIRED, MOBILE_UNDELIVERABLE), the field it is about
 * as a JSON path, the last valid day (certificates only), and whether it is still open ({@code resolvedAt} null): open,
 * the subject needs a change filing (or, for a mobile, a new confirmation of it).
 */
public record SubjectFindingView(String id, String kind, String fieldKey, LocalDate validUntil,
        OffsetDateTime raisedAt, OffsetDateTime resolvedAt) {

    static SubjectFindingView of(SubjectFinding f) {
        return new SubjectFindingView(f.id.toString(), f.kind, f.fieldKey, f.validUntil, f.raisedAt, f.resolvedAt);
    }
}
