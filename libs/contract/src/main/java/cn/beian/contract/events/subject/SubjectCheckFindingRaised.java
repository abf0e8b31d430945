package cn.beian.contract.events.subject;

import cn.beian.contract.events.EventPayload;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A check of an approved subject found something that needs a change filing (变更备案):
 * {@code PRINCIPAL_CERTIFICATE_EXPIRED}, the subject principal's certificate past its validity on the business clock,
 * or {@code MOBILE_UNDELIVERABLE}, the subject principal's mobile no longer receives SMS ({@code principal.mobile}, no
 * {@code validUntil}; notification-service tells it by e-mail only).
 * subject-service raises it once per finding (the same expiry is not raised again until a change records a new
 * validity that also passes); notification-service tells the subject's principal by SMS and e-mail. Keyed by the
 * subject; consumers treat a kind they do not know as a generic finding.
 *
 * @param orderId    the subject's latest approved order (whose records are now out of date), for the message's link;
 *                   null where none is known
 * @param fieldKey   the subject's field it is about, as a JSON path ({@code principal.certificateValidUntil})
 * @param validUntil the last day the certificate was valid (null for other kinds)
 */
public record SubjectCheckFindingRaised(
        String findingId,
        String subjectId,
        String accountId,
        String orderId,
        String subjectFilingNumber,
        String kind,
        String fieldKey,
        LocalDate validUntil,
        OffsetDateTime raisedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return subjectId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
