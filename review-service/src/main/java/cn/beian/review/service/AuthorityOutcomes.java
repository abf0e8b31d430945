package cn.beian.review.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.authority.SmsVerificationChanged;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.Reason;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.AuthoritySubmission;
import cn.beian.review.domain.Rejection;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.RejectionRepository;
import cn.beian.review.repository.SnapshotStore;
import cn.beian.review.repository.SubmissionRepository;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies what the administration reported about a submission — from its feed, or recorded by hand by staff with the
 * {@code authority} role — as {@code authority.*} events, inside the caller's transaction. Answers the reason when the
 * entry cannot be applied (unknown submission, already decided, an approval without numbers …): the caller
 * dead-letters it and moves on.
 */
@ApplicationScoped
public class AuthorityOutcomes {

    private final SubmissionRepository submissions;
    private final AuthorityGateway gateway;
    private final SnapshotStore snapshots;
    private final RejectionRepository rejections;
    private final AuditRepository audit;
    private final OutboxWriter outbox;
    private final Json json;
    private final BeianClock clock;

    public AuthorityOutcomes(SubmissionRepository submissions, AuthorityGateway gateway, SnapshotStore snapshots,
            RejectionRepository rejections, AuditRepository audit, OutboxWriter outbox, Json json,
            BeianClock clock) {
        this.submissions = submissions;
        this.gateway = gateway;
        this.snapshots = snapshots;
        this.rejections = rejections;
        this.audit = audit;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Why an entry cannot be applied: {@code reason} for the dead letter and the log, {@code key} (with {@code args})
     * the bundle entry that words it for staff recording the outcome by hand.
     */
    public record Refusal(String reason, String key, Object... args) {
    }

    private static Uni<Optional<Refusal>> refuse(Refusal refusal) {
        return Uni.createFrom().item(Optional.of(refusal));
    }

    /**
     * @param actor {@code feed}, or the staff account recording by hand
     * @return empty when applied, else why it cannot be
     */
    public Uni<Optional<Refusal>> apply(FeedEntry entry, String actor) {
        if (entry.submissionId() == null || entry.type() == null) {
            return refuse(new Refusal("entry without submissionId or type", "detail.outcome-incomplete"));
        }
        return submissions.lock(entry.submissionId()).chain(s -> {
            if (s == null) {
                return refuse(new Refusal("unknown submission " + entry.submissionId(),
                        "detail.outcome-submission-unknown", entry.submissionId()));
            }
            if (s.decided()) {
                return refuse(new Refusal("submission already " + s.status + " (by " + s.decidedBy + ")",
                        "detail.outcome-submission-decided", String.valueOf(s.status), String.valueOf(s.decidedBy)));
            }
            // An outcome can overtake our own record of having submitted (a crash after the call): record it first.
            Uni<AuthoritySubmission> submitted = AuthoritySubmission.PENDING.equals(s.status)
                    ? gateway.markSubmitted(s.submissionId, actor) : Uni.createFrom().item(s);
            return submitted.chain(sub -> applyTo(sub, entry, actor));
        });
    }

    private Uni<Optional<Refusal>> applyTo(AuthoritySubmission s, FeedEntry entry, String actor) {
        OffsetDateTime at = entry.occurredAt() != null ? entry.occurredAt() : clock.now();
        OffsetDateTime deadline = entry.smsVerification() != null ? entry.smsVerification().deadline() : null;
        return switch (entry.type()) {
            case SMS_VERIFICATION_REQUESTED -> sms(s, "REQUESTED", EventType.AUTHORITY_SMS_VERIFICATION_REQUESTED,
                    deadline, at, actor);
            case SMS_VERIFIED -> sms(s, "VERIFIED", EventType.AUTHORITY_SMS_VERIFIED, deadline, at, actor);
            case SMS_VERIFICATION_FAILED -> sms(s, "FAILED", EventType.AUTHORITY_SMS_VERIFICATION_FAILED, deadline, at,
                    actor);
            case APPROVED -> approve(s, entry.outcome(), at, actor);
            case REJECTED -> reject(s, entry.reasons(), false, at, actor);
            case RETURNED -> reject(s, entry.reasons(), true, at, actor);
        };
    }

    private Uni<Optional<Refusal>> sms(AuthoritySubmission s, String status, EventType type, OffsetDateTime deadline,
            OffsetDateTime at, String actor) {
        s.smsStatus = status;
        return outbox.append(type, new SmsVerificationChanged(s.orderId, s.submissionId, deadline, at))
                .chain(() -> audit.persist(AuditEntry.of(s.orderId, null, "SMS_" + status, actor, null, null, at)
                        .withSubmission(s.submissionId)))
                .replaceWith(Optional.empty());
    }

    private Uni<Optional<Refusal>> approve(AuthoritySubmission s, IssuedNumbers numbers, OffsetDateTime at,
            String actor) {
        if (numbers == null || numbers.subjectFilingNumber() == null || numbers.subjectFilingNumber().isBlank()) {
            return refuse(new Refusal("approval without the subject filing number",
                    "detail.outcome-approval-without-number"));
        }
        return snapshots.get(s.orderId, SnapshotStore.WEBSITES, s.websitesVersion).chain(stored -> {
            List<WebsitesSnapshotFrozen.Website> sites = stored
                    .map(j -> json.read(j, WebsitesSnapshotFrozen.class).websites()).orElse(List.of());
            List<AuthorityApproved.WebsiteNumber> websites = new ArrayList<>();
            for (IssuedNumbers.Website w : numbers.websites() == null ? List.<IssuedNumbers.Website>of()
                    : numbers.websites()) {
                websites.add(new AuthorityApproved.WebsiteNumber(websiteIdOf(sites, w), w.name(), w.domains(),
                        w.websiteFilingNumber()));
            }
            s.status = AuthoritySubmission.APPROVED;
            s.decidedAt = at;
            s.decidedBy = actor;
            return outbox.append(new AuthorityApproved(s.orderId, s.submissionId, numbers.subjectFilingNumber(),
                            websites, at))
                    .chain(() -> audit.persist(AuditEntry.of(s.orderId, null, "AUTHORITY_APPROVED", actor, null,
                            numbers.subjectFilingNumber(), at).withSubmission(s.submissionId)))
                    .replaceWith(Optional.<Refusal>empty());
        });
    }

    /** Beian's website id for an issued number: the snapshot website sharing a domain (or, failing that, the name). */
    static String websiteIdOf(List<WebsitesSnapshotFrozen.Website> sites, IssuedNumbers.Website issued) {
        for (WebsitesSnapshotFrozen.Website site : sites) {
            if (issued.domains() != null && site.domains() != null
                    && site.domains().stream().anyMatch(d -> issued.domains().stream().anyMatch(d::equalsIgnoreCase))) {
                return site.websiteId();
            }
        }
        return sites.stream().filter(site -> site.name() != null && site.name().equals(issued.name()))
                .map(WebsitesSnapshotFrozen.Website::websiteId).findFirst().orElse(null);
    }

    private Uni<Optional<Refusal>> reject(AuthoritySubmission s, List<Reason> given, boolean returned,
            OffsetDateTime at, String actor) {
        List<RejectionReason> reasons = new ArrayList<>();
        if (given != null) {
            given.forEach(r -> reasons.add(new RejectionReason(r.field(), r.code(), r.message())));
        }
        if (reasons.isEmpty()) {
            if (!returned) {
                return refuse(new Refusal("rejection without reasons", "detail.outcome-rejection-without-reasons"));
            }
            reasons.add(new RejectionReason(null, Reason.SMS_NOT_VERIFIED, null));
        }
        s.status = returned ? AuthoritySubmission.RETURNED : AuthoritySubmission.REJECTED;
        s.decidedAt = at;
        s.decidedBy = actor;
        Rejection r = new Rejection();
        r.orderId = s.orderId;
        r.source = Rejection.Source.AUTHORITY;
        r.kind = returned ? "AUTHORITY_RETURNED" : "AUTHORITY_REJECTED";
        r.submissionId = s.submissionId;
        r.reasons = json.write(reasons);
        r.at = at;
        return rejections.persist(r)
                .chain(() -> outbox.append(returned ? EventType.AUTHORITY_RETURNED : EventType.AUTHORITY_REJECTED,
                        new AuthorityRejected(s.orderId, s.submissionId, returned, reasons, at)))
                .chain(() -> audit.persist(AuditEntry.of(s.orderId, null, r.kind, actor, null, r.reasons, at)
                        .withSubmission(s.submissionId)))
                .replaceWith(Optional.<Refusal>empty());
    }


}
