package cn.beian.national.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.SmsChallenge;
import cn.beian.national.domain.Submission;
import cn.beian.national.domain.SubmissionDomain;
import cn.beian.national.repository.Persist;
import cn.beian.national.repository.SmsChallengeRepository;
import cn.beian.national.repository.SubmissionDomainRepository;
import cn.beian.national.repository.SubmissionRepository;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Receives the provider's submissions (idempotently by submission id) and answers what became of them. A new
 * submission waits for its principals' SMS codes where the province and type ask for them, else goes straight to
 * review. The submission and its feed entry commit together.
 */
@ApplicationScoped
public class SubmissionIntake {

    private static final Logger LOG = Logger.getLogger(SubmissionIntake.class);

    private final SubmissionRepository submissions;
    private final SubmissionDomainRepository submissionDomains;
    private final SmsChallengeRepository challenges;
    private final SubmissionRules rules;
    private final SmsCodeVerification sms;
    private final ReviewSchedule review;
    private final FeedWriter feed;
    private final NationalConfig config;
    private final BeianClock clock;
    private final Json json;

    public SubmissionIntake(SubmissionRepository submissions, SubmissionDomainRepository submissionDomains,
            SmsChallengeRepository challenges, SubmissionRules rules, SmsCodeVerification sms, ReviewSchedule review,
            FeedWriter feed, NationalConfig config, BeianClock clock, Json json) {
        this.submissions = submissions;
        this.submissionDomains = submissionDomains;
        this.challenges = challenges;
        this.rules = rules;
        this.sms = sms;
        this.review = review;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** @param created false for a replay of an earlier identical submission */
    public record Submitted(SubmissionView view, boolean created) {
    }

    /**
     * Accepts a snapshot: 400 when malformed, 409 when it conflicts (nothing recorded), else records it and asks the
     * principals for their SMS codes (or starts the review where no SMS verification applies).
     */
    @WithTransaction
    public Uni<Submitted> submit(SubmissionRequest raw) {
        return Uni.createFrom().deferred(() -> {
            SubmissionRequest r = SubmissionRules.normalize(raw);
            rules.shape(r);
            String hash = sha256(json.write(r));
            return submissions.findById(r.submissionId()).chain(existing -> {
                if (existing != null) {
                    if (!existing.bodyHash.equals(hash)) {
                        return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                                "detail.submission-id-reused", r.submissionId())
                                .with("submissionId", r.submissionId()).with("currentState", existing.status));
                    }
                    return view(existing).map(v -> new Submitted(v, false));
                }
                return rules.conflicts(r, r.submissionId()).chain(check -> check.errors.isEmpty()
                        ? create(r, hash).map(v -> new Submitted(v, true))
                        : Uni.createFrom().failure(SubmissionRules.conflict(check.errors)));
            });
        });
    }

    private Uni<SubmissionView> create(SubmissionRequest r, String hash) {
        OffsetDateTime now = StoredTime.now(clock);
        Submission s = new Submission();
        s.id = r.submissionId();
        s.type = r.type();
        s.province = r.province();
        s.bodyHash = hash;
        s.snapshot = json.write(r);
        s.subjectCertificateType = r.subject().certificateType();
        s.subjectCertificateNumber = r.subject().certificateNumber();
        s.receivedAt = now;
        s.updatedAt = now;
        Set<String> names = new LinkedHashSet<>();
        r.websites().forEach(w -> names.addAll(w.domains()));
        boolean smsRequired = config.smsVerification().required(r.province(), r.type());
        if (smsRequired) {
            s.status = SubmissionStatus.SMS_VERIFICATION;
            s.smsDeadline = now.plus(config.smsVerification().deadline());
        } else {
            review.start(s, now);
        }
        return submissions.persist(s)
                .chain(() -> Persist.all(submissionDomains, names.stream().map(d -> SubmissionDomain.of(s.id, d)).toList()))
                .chain(() -> smsRequired ? sms.issueCodes(r, s, now) : Uni.createFrom().item(List.<SmsChallenge>of()))
                .call(issued -> smsRequired
                        ? feed.append(s, FeedEntryType.SMS_VERIFICATION_REQUESTED, now, null, null, Views.sms(s, issued))
                        : Uni.createFrom().voidItem())
                .invoke(issued -> LOG.infof("Submission %s (%s, %s) received: %s%s", s.id, s.type, s.province,
                        s.status, smsRequired
                                ? ", SMS codes to " + issued.stream().map(c -> Masking.mobile(c.mobile)).toList()
                                : ""))
                .map(issued -> Views.submission(s, issued, json));
    }

    @WithSession
    public Uni<SubmissionView> find(String id) {
        return submissions.findById(id).chain(s -> s == null
                ? Uni.createFrom().failure(
                        ProblemException.localized(ProblemType.NOT_FOUND, "detail.submission-not-found", id))
                : view(s));
    }

    private Uni<SubmissionView> view(Submission s) {
        return challenges.bySubmission(s.id).map(cs -> Views.submission(s, cs, json));
    }

    /** The body's fingerprint: a replay must carry the same (normalised) snapshot. */
    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
