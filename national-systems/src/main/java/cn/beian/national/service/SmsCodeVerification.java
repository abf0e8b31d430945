package cn.beian.national.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.client.WebsiteSnapshot;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.OutgoingMessage;
import cn.beian.national.domain.SmsChallenge;
import cn.beian.national.domain.Submission;
import cn.beian.national.repository.OutgoingMessageRepository;
import cn.beian.national.repository.Persist;
import cn.beian.national.repository.SmsChallengeRepository;
import cn.beian.national.repository.SubmissionRepository;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * SMS verification of a submission's principals: texts each distinct principal mobile a code, checks the codes they
 * enter, and returns the submission (SMS_NOT_VERIFIED) after too many wrong codes or once its deadline passed.
 */
@ApplicationScoped
public class SmsCodeVerification {

    private static final Logger LOG = Logger.getLogger(SmsCodeVerification.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String SUBJECT_PRINCIPAL = "SUBJECT_PRINCIPAL";
    static final String WEBSITE_PRINCIPAL = "WEBSITE_PRINCIPAL";

    private final SubmissionRepository submissions;
    private final SmsChallengeRepository challenges;
    private final OutgoingMessageRepository outgoing;
    private final ReviewSchedule review;
    private final FeedWriter feed;
    private final NationalConfig config;
    private final BeianClock clock;
    private final Json json;

    public SmsCodeVerification(SubmissionRepository submissions, SmsChallengeRepository challenges,
            OutgoingMessageRepository outgoing, ReviewSchedule review, FeedWriter feed, NationalConfig config,
            BeianClock clock, Json json) {
        this.submissions = submissions;
        this.challenges = challenges;
        this.outgoing = outgoing;
        this.review = review;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    public enum VerifyStatus {
        VERIFIED, WRONG_CODE
    }

    /**
     * @param allVerified       every principal of the submission has verified (it is now under review)
     * @param remainingAttempts wrong codes still allowed
     * @param returned          the wrong code was one too many: the submission went back to the provider
     */
    public record VerifyResult(VerifyStatus status, boolean allVerified, int remainingAttempts, boolean returned) {
    }

    /**
     * Texts a code to each distinct principal mobile of a new submission waiting for SMS verification, inside the
     * caller's transaction (only the codes' hashes are kept; the texts go out after commit).
     */
    Uni<List<SmsChallenge>> issueCodes(SubmissionRequest r, Submission s, OffsetDateTime now) {
        List<SmsChallenge> issued = new ArrayList<>();
        List<OutgoingMessage> messages = new ArrayList<>();
        long hours = config.smsVerification().deadline().toHours();
        for (Map.Entry<String, Set<String>> p : principalMobiles(r).entrySet()) {
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            SmsChallenge c = new SmsChallenge();
            c.id = UUID.randomUUID();
            c.submissionId = s.id;
            c.mobile = p.getKey();
            c.roles = String.join(",", p.getValue());
            c.codeHash = SmsChallenge.hash(s.id, c.mobile, code);
            c.createdAt = now;
            issued.add(c);
            messages.add(OutgoingMessage.sms(c.mobile, "MIIT_SMS_VERIFICATION",
                    json.write(Map.of("code", code, "hours", String.valueOf(hours))),
                    "【工信部ICP备案】您的备案短信核验码为 " + code + "，" + hours + " 小时内有效，请在 "
                            + config.smsVerification().verifyUrl() + " 输入手机号和核验码完成核验。请勿泄露。",
                    true, now));
        }
        return Persist.all(challenges, issued).chain(() -> Persist.all(outgoing, messages)).replaceWith(issued);
    }

    /** Each distinct principal mobile with its roles: the subject principal's and every website principal's. */
    static Map<String, Set<String>> principalMobiles(SubmissionRequest r) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.computeIfAbsent(r.subject().principal().mobile(), m -> new TreeSet<>()).add(SUBJECT_PRINCIPAL);
        for (WebsiteSnapshot w : r.websites()) {
            if (w.principal() != null) {
                out.computeIfAbsent(w.principal().mobile(), m -> new TreeSet<>()).add(WEBSITE_PRINCIPAL);
            }
        }
        return out;
    }

    /**
     * A principal enters the code texted to their mobile. A wrong code counts against every open submission waiting
     * for that mobile; one more than allowed returns them (SMS_NOT_VERIFIED). Unknown mobile or expired: 404.
     */
    @WithTransaction
    public Uni<VerifyResult> verify(String rawMobile, String code) {
        String mobile = Domains.normalizeMobile(rawMobile);
        OffsetDateTime now = StoredTime.now(clock);
        return challenges.pendingByMobile(mobile).chain(pending -> {
            List<String> ids = pending.stream().map(c -> c.submissionId).distinct().sorted().toList();
            return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(submissions::lock)
                    .filter(s -> s.status == SubmissionStatus.SMS_VERIFICATION && s.smsDeadline.isAfter(now))
                    .collect().asList()
                    .chain(open -> {
                        if (open.isEmpty()) {
                            return Uni.createFrom().failure(ProblemException.localized(ProblemType.NOT_FOUND,
                                    "detail.sms-verification-not-pending"));
                        }
                        Set<String> openIds = new LinkedHashSet<>();
                        open.forEach(s -> openIds.add(s.id));
                        SmsChallenge match = pending.stream()
                                .filter(c -> openIds.contains(c.submissionId) && c.matches(code)).findFirst()
                                .orElse(null);
                        if (match != null) {
                            Submission s = open.stream().filter(x -> x.id.equals(match.submissionId)).findFirst()
                                    .orElseThrow();
                            return verified(s, match, now);
                        }
                        return wrongCode(open, now);
                    });
        });
    }

    private Uni<VerifyResult> verified(Submission s, SmsChallenge match, OffsetDateTime now) {
        match.verifiedAt = now;
        s.updatedAt = now;
        LOG.infof("Submission %s: %s verified", s.id, Masking.mobile(match.mobile));
        int remaining = Math.max(0, config.smsVerification().maxWrongCodes() - s.smsWrongCodes);
        return challenges.bySubmission(s.id).chain(all -> {
            boolean complete = all.stream().allMatch(c -> c.verifiedAt != null || c.id.equals(match.id));
            if (!complete) {
                return Uni.createFrom().item(new VerifyResult(VerifyStatus.VERIFIED, false, remaining, false));
            }
            review.start(s, now);
            LOG.infof("Submission %s: all principals verified, under review until %s", s.id, s.reviewDueAt);
            return feed.append(s, FeedEntryType.SMS_VERIFIED, now, null, null, Views.sms(s, all))
                    .replaceWith(new VerifyResult(VerifyStatus.VERIFIED, true, remaining, false));
        });
    }

    private Uni<VerifyResult> wrongCode(List<Submission> open, OffsetDateTime now) {
        int max = config.smsVerification().maxWrongCodes();
        int remaining = Integer.MAX_VALUE;
        boolean returned = false;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Submission s : open) {
            s.smsWrongCodes++;
            s.updatedAt = now;
            remaining = Math.min(remaining, Math.max(0, max - s.smsWrongCodes));
            LOG.infof("Submission %s: wrong SMS code %d (%d allowed)", s.id, s.smsWrongCodes, max);
            if (s.smsWrongCodes > max) {
                returned = true;
                chain = chain.chain(() -> notVerified(s, now, "TOO_MANY_WRONG_CODES",
                        "More than " + max + " wrong SMS codes were entered"));
            }
        }
        VerifyResult result = new VerifyResult(VerifyStatus.WRONG_CODE, false, remaining, returned);
        return chain.replaceWith(result);
    }

    /** Returns the submission if its SMS deadline passed and it is still waiting (safe to repeat, any replica). */
    @WithTransaction
    public Uni<Boolean> returnIfOverdue(String id) {
        OffsetDateTime now = StoredTime.now(clock);
        return submissions.lock(id).chain(s -> {
            if (s == null || s.status != SubmissionStatus.SMS_VERIFICATION || s.smsDeadline.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            return notVerified(s, now, "DEADLINE_PASSED", "The principals did not verify their SMS codes within "
                    + config.smsVerification().deadline().toHours() + " hours").replaceWith(true);
        });
    }

    /** Returns a submission whose principals did not verify: SMS_VERIFICATION_FAILED, then RETURNED. */
    private Uni<Void> notVerified(Submission s, OffsetDateTime now, String why, String message) {
        return challenges.bySubmission(s.id).chain(all -> {
            s.status = SubmissionStatus.RETURNED;
            s.decidedAt = now;
            s.updatedAt = now;
            List<Reason> reasons = List.of(new Reason(Reason.SMS_NOT_VERIFIED, message, null));
            s.reasons = json.write(reasons);
            LOG.infof("Submission %s returned: SMS not verified (%s)", s.id, why);
            return feed.append(s, FeedEntryType.SMS_VERIFICATION_FAILED, now, null,
                    List.of(new Reason(why, message, null)), Views.sms(s, all))
                    .chain(() -> feed.append(s, FeedEntryType.RETURNED, now, null, reasons, null));
        });
    }
}
