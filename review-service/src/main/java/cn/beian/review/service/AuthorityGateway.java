package cn.beian.review.service;

import cn.beian.contract.domain.Province;
import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.authority.AuthoritySubmitted;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.order.FilingType;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PrincipalSnapshot;
import cn.beian.national.client.SubjectSnapshot;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionType;
import cn.beian.national.client.WebsiteSnapshot;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.AuthoritySubmission;
import cn.beian.review.domain.OrderProjection;
import cn.beian.review.domain.Rejection;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.OrderProjectionRepository;
import cn.beian.review.repository.RejectionRepository;
import cn.beian.review.repository.SnapshotStore;
import cn.beian.review.repository.SubmissionRepository;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Submits orders to the administration once subject-service moved them to AUTHORITY_REVIEW (after a photo approval,
 * or an initial approval that needs no photo — access, cancel, deregistration, or a re-review whose photo holds). The
 * move queues a PENDING submission in the consumer's transaction; {@link #submitPending()} sends it outside any
 * transaction (idempotent by submission id, so a retry or a second instance is harmless) and then records
 * {@code authority.submitted} exactly once under the row's lock. A snapshot the administration refuses (400/409) is an
 * authority rejection with its reasons.
 */
@ApplicationScoped
public class AuthorityGateway {

    private static final Logger LOG = Logger.getLogger(AuthorityGateway.class);

    private final SubmissionRepository submissions;
    private final OrderProjectionRepository orders;
    private final SnapshotStore snapshots;
    private final AuditRepository audit;
    private final RejectionRepository rejections;
    private final OutboxWriter outbox;
    private final NationalSystemsClient national;
    private final Json json;
    private final BeianClock clock;
    private final BusinessCalendar calendar;
    /** Submissions whose last attempt failed (the administration down, a 5xx): retried 1 s, 2 s … 60 s later. */
    private final Map<String, Backoff> backoff = new ConcurrentHashMap<>();

    record Backoff(long delayMillis, long nextAt) {
        static Backoff first() {
            return new Backoff(1000, System.nanoTime() + 1_000_000_000L);
        }

        Backoff next() {
            long delay = Math.min(60_000, delayMillis * 2);
            return new Backoff(delay, System.nanoTime() + delay * 1_000_000L);
        }
    }

    public AuthorityGateway(SubmissionRepository submissions, OrderProjectionRepository orders, SnapshotStore snapshots,
            AuditRepository audit, RejectionRepository rejections, OutboxWriter outbox,
            @RestClient NationalSystemsClient national, Json json, BeianClock clock,
            BusinessCalendar calendar) {
        this.submissions = submissions;
        this.orders = orders;
        this.snapshots = snapshots;
        this.audit = audit;
        this.rejections = rejections;
        this.outbox = outbox;
        this.national = national;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Queues the order's current submission for the administration (inside the caller's transaction; once). */
    public Uni<Void> enqueue(OrderProjection order, OffsetDateTime at) {
        String id = AuthoritySubmission.idOf(order.orderId, order.submissionCount);
        return submissions.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            AuthoritySubmission s = new AuthoritySubmission();
            s.submissionId = id;
            s.orderId = order.orderId;
            s.submissionCount = order.submissionCount;
            s.websitesVersion = order.websitesVersion;
            s.status = AuthoritySubmission.PENDING;
            s.createdAt = at;
            return submissions.persist(s)
                    .chain(() -> audit.persist(AuditEntry.of(order.orderId, null, "QUEUED_FOR_AUTHORITY", null, null,
                            id, at).withSubmission(id)))
                    .replaceWithVoid();
        });
    }

    /** Sends every pending submission, one after the other (one that just failed waits out its back-off). */
    public Uni<Void> submitPending() {
        long now = System.nanoTime();
        return Panache.withSession(() -> submissions.pendingIds(20))
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .select().where(id -> {
                    Backoff b = backoff.get(id);
                    return b == null || now - b.nextAt() >= 0;
                })
                .onItem().transformToUniAndConcatenate(this::submitOne)
                .collect().last().replaceWithVoid();
    }

    Uni<Void> submitOne(String submissionId) {
        return Panache.withSession(() -> request(submissionId)).chain(request -> {
            if (request.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return national.submit(request.get())
                    .invoke(() -> backoff.remove(submissionId))
                    .chain(() -> Panache.withTransaction(() -> markSubmitted(submissionId, "gateway")).replaceWithVoid())
                    .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                        int status = ((WebApplicationException) e).getResponse().getStatus();
                        if (status == 400 || status == 409) {
                            backoff.remove(submissionId);
                            return Panache.withTransaction(() -> refuse(submissionId, reasonsOf((WebApplicationException) e)));
                        }
                        return Panache.withTransaction(() -> attemptFailed(submissionId, "HTTP " + status));
                    })
                    .onFailure().recoverWithUni(e -> Panache.withTransaction(() -> attemptFailed(submissionId, e.toString())));
        }).onFailure().recoverWithUni(e -> {
            LOG.warnf("Submission %s could not be sent: %s", submissionId, e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** Marks a pending submission SUBMITTED and publishes {@code authority.submitted} (once, under the row lock). */
    public Uni<AuthoritySubmission> markSubmitted(String submissionId, String actor) {
        return submissions.lock(submissionId).chain(s -> {
            if (s == null || !AuthoritySubmission.PENDING.equals(s.status)) {
                return Uni.createFrom().item(s);
            }
            OffsetDateTime now = clock.now();
            s.status = AuthoritySubmission.SUBMITTED;
            s.submittedAt = now;
            s.attempts++;
            return orders.findById(s.orderId).chain(order -> {
                Province province = order.province;
                OffsetDateTime expected = calendar.plusBusinessDays(now.atZoneSameInstant(BeianClock.CHINA),
                        province == Province.ZHEJIANG ? 30 : 20).toOffsetDateTime();
                return outbox.append(new AuthoritySubmitted(s.orderId, submissionId, province, expected, now))
                        .chain(() -> audit.persist(AuditEntry.of(s.orderId, null, "SUBMITTED", actor, null,
                                "submitted to the administration", now).withSubmission(submissionId)))
                        .replaceWith(s);
            });
        });
    }

    private Uni<Void> refuse(String submissionId, List<RejectionReason> reasons) {
        return submissions.lock(submissionId).chain(s -> {
            if (s == null || !AuthoritySubmission.PENDING.equals(s.status)) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = clock.now();
            s.status = AuthoritySubmission.REFUSED;
            s.decidedAt = now;
            s.decidedBy = "gateway";
            String stored = json.write(reasons);
            LOG.infof("The administration refused submission %s: %s", submissionId, stored);
            Rejection r = new Rejection();
            r.orderId = s.orderId;
            r.source = Rejection.Source.AUTHORITY;
            r.kind = "AUTHORITY_REFUSED";
            r.submissionId = submissionId;
            r.reasons = stored;
            r.at = now;
            return rejections.persist(r)
                    .chain(() -> outbox.append(EventType.AUTHORITY_REJECTED,
                            new AuthorityRejected(s.orderId, submissionId, false, reasons, now)))
                    .chain(() -> audit.persist(AuditEntry.of(s.orderId, null, "REFUSED_BY_AUTHORITY", "gateway", null,
                            stored, now).withSubmission(submissionId)))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> attemptFailed(String submissionId, String error) {
        Backoff b = backoff.merge(submissionId, Backoff.first(), (old, ignored) -> old.next());
        LOG.warnf("Submitting %s failed, will retry in %d ms: %s", submissionId, b.delayMillis(), error);
        return submissions.lock(submissionId).invoke(s -> {
            if (s != null) {
                s.attempts++;
                s.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            }
        }).replaceWithVoid();
    }

    /** The request the administration receives: the submission's frozen subject and websites. */
    Uni<Optional<SubmissionRequest>> request(String submissionId) {
        return submissions.findById(submissionId).chain(s -> {
            if (s == null || !AuthoritySubmission.PENDING.equals(s.status)) {
                return Uni.createFrom().item(Optional.<SubmissionRequest>empty());
            }
            return snapshots.get(s.orderId, SnapshotStore.SUBJECT, (long) s.submissionCount)
                    .chain(subject -> snapshots.get(s.orderId, SnapshotStore.WEBSITES, s.websitesVersion)
                            .map(websites -> {
                                if (subject.isEmpty() || (s.websitesVersion != null && websites.isEmpty())) {
                                    // A snapshot the submission names has not arrived (its topic lags): send
                                    // nothing yet, never a filing without its subject or websites; next round.
                                    LOG.debugf("Submission %s waits for its snapshots", submissionId);
                                    return Optional.<SubmissionRequest>empty();
                                }
                                return Optional.of(build(submissionId,
                                        json.read(subject.get(), SubjectSnapshotFrozen.class),
                                        websites.map(w -> json.read(w, WebsitesSnapshotFrozen.class))));
                            }));
        });
    }

    static SubmissionRequest build(String submissionId, SubjectSnapshotFrozen s,
            Optional<WebsitesSnapshotFrozen> websites) {
        SubjectSnapshotFrozen.Subject subject = s.subject();
        boolean removesOnly = s.type() == FilingType.CANCEL_ACCESS || s.type() == FilingType.DEREGISTER_WEBSITE
                || s.type() == FilingType.DEREGISTER_SUBJECT;
        List<WebsiteSnapshot> sites = new ArrayList<>();
        websites.ifPresent(w -> w.websites().forEach(site -> sites.add(new WebsiteSnapshot(site.websiteFilingNumber(),
                site.name(), site.domains(), site.homepageUrls(),
                removesOnly || site.principal() == null ? null : principal(site.principal())))));
        return new SubmissionRequest(submissionId, SubmissionType.valueOf(s.type().name()), s.province(),
                new SubjectSnapshot(subject.subjectFilingNumber(), subject.nature(), subject.name(),
                        subject.certificateType(), subject.certificateNumber(), subject.certificateAddress(),
                        subject.communicationAddress(), principal(subject.principal())),
                sites);
    }

    private static PrincipalSnapshot principal(Person p) {
        String mobile = p.mobile() == null ? null : p.mobile().replaceAll("[\\s-]", "");
        return new PrincipalSnapshot(p.name(), p.certificateType(), p.certificateNumber(), mobile, p.email());
    }

    /** The problem's {@code errors[]} as reasons (field, code, message); the detail where it names none. */
    private List<RejectionReason> reasonsOf(WebApplicationException e) {
        List<RejectionReason> reasons = new ArrayList<>();
        try {
            String body = body(e);
            JsonNode problem = json.read(body, JsonNode.class);
            for (JsonNode err : problem.path("errors")) {
                reasons.add(new RejectionReason(err.path("field").asText(null), err.path("code").asText("REFUSED"),
                        err.path("message").asText(null)));
            }
            if (reasons.isEmpty()) {
                reasons.add(new RejectionReason(null, "REFUSED", problem.path("detail").asText(null)));
            }
        } catch (RuntimeException ex) {
            reasons.add(new RejectionReason(null, "REFUSED", "HTTP " + e.getResponse().getStatus()));
        }
        return reasons;
    }

    private static String body(WebApplicationException e) {
        Object entity = e.getResponse().getEntity();
        if (entity instanceof String s) {
            return s;
        }
        return e.getResponse().readEntity(String.class);
    }
}
