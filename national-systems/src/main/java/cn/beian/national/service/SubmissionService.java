package cn.beian.national.service;

import cn.beian.contract.domain.Province;
import cn.beian.contract.privacy.Masking;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.PrincipalSnapshot;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.client.WebsiteSnapshot;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.FilingNumbers;
import cn.beian.national.domain.OutgoingMessage;
import cn.beian.national.domain.PasswordHasher;
import cn.beian.national.domain.RegistryDomain;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.domain.RegistryWebsite;
import cn.beian.national.domain.SmsChallenge;
import cn.beian.national.domain.Submission;
import cn.beian.national.domain.SubmissionDomain;
import cn.beian.national.events.FeedWriter;
import cn.beian.national.repository.OutgoingMessageRepository;
import cn.beian.national.repository.Persist;
import cn.beian.national.repository.RegistryDomainRepository;
import cn.beian.national.repository.RegistrySubjectRepository;
import cn.beian.national.repository.RegistryWebsiteRepository;
import cn.beian.national.repository.SmsChallengeRepository;
import cn.beian.national.repository.SubmissionDomainRepository;
import cn.beian.national.repository.SubmissionRepository;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The administration's side of a submission: accept (idempotently), SMS verification, review on a business-day clock,
 * decision, numbers and password, and the registry changes an approval makes. Every state change and its feed entry
 * commit together.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String SUBJECT_PRINCIPAL = "SUBJECT_PRINCIPAL";
    static final String WEBSITE_PRINCIPAL = "WEBSITE_PRINCIPAL";

    private final SubmissionRepository submissions;
    private final SubmissionDomainRepository submissionDomains;
    private final SmsChallengeRepository challenges;
    private final RegistrySubjectRepository subjects;
    private final RegistryWebsiteRepository websites;
    private final RegistryDomainRepository domains;
    private final OutgoingMessageRepository outgoing;
    private final SubmissionRules rules;
    private final FeedWriter feed;
    private final NationalConfig config;
    private final BeianClock clock;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;
    private final PasswordHashing hashing;

    public SubmissionService(SubmissionRepository submissions, SubmissionDomainRepository submissionDomains,
            SmsChallengeRepository challenges, RegistrySubjectRepository subjects, RegistryWebsiteRepository websites,
            RegistryDomainRepository domains, OutgoingMessageRepository outgoing, SubmissionRules rules,
            FeedWriter feed, NationalConfig config, BeianClock clock, BusinessCalendar calendar, ObjectMapper json,
            PasswordHashing hashing) {
        this.submissions = submissions;
        this.submissionDomains = submissionDomains;
        this.challenges = challenges;
        this.subjects = subjects;
        this.websites = websites;
        this.domains = domains;
        this.outgoing = outgoing;
        this.rules = rules;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
        this.calendar = calendar;
        this.json = json;
        this.hashing = hashing;
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
            String hash = sha256(Views.write(json, r));
            return submissions.findById(r.submissionId()).chain(existing -> {
                if (existing != null) {
                    if (!existing.bodyHash.equals(hash)) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT,
                                "Submission " + r.submissionId() + " was already received with a different body")
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
        OffsetDateTime now = now();
        Submission s = new Submission();
        s.id = r.submissionId();
        s.type = r.type();
        s.province = r.province();
        s.bodyHash = hash;
        s.snapshot = Views.write(json, r);
        s.subjectCertificateType = r.subject().certificateType();
        s.subjectCertificateNumber = r.subject().certificateNumber();
        s.receivedAt = now;
        s.updatedAt = now;
        Set<String> names = new LinkedHashSet<>();
        r.websites().forEach(w -> names.addAll(w.domains()));
        boolean sms = config.smsVerification().required(r.province(), r.type());
        List<SmsChallenge> issued = new ArrayList<>();
        List<OutgoingMessage> messages = new ArrayList<>();
        if (sms) {
            s.status = SubmissionStatus.SMS_VERIFICATION;
            s.smsDeadline = now.plus(config.smsVerification().deadline());
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
                messages.add(sms(c.mobile, "MIIT_SMS_VERIFICATION",
                        Map.of("code", code, "hours", String.valueOf(config.smsVerification().deadline().toHours())),
                        "【工信部ICP备案】您的备案短信核验码为 " + code + "，"
                                + config.smsVerification().deadline().toHours() + " 小时内有效，请在 "
                                + config.smsVerification().verifyUrl() + " 输入手机号和核验码完成核验。请勿泄露。",
                        true, now));
            }
        } else {
            startReview(s, now);
        }
        return submissions.persist(s)
                .chain(() -> Persist.all(submissionDomains, names.stream().map(d -> SubmissionDomain.of(s.id, d)).toList()))
                .chain(() -> Persist.all(challenges, issued))
                .chain(() -> Persist.all(outgoing, messages))
                .chain(() -> sms ? feed.append(s, FeedEntryType.SMS_VERIFICATION_REQUESTED, now, null, null,
                        Views.sms(s, issued)) : Uni.createFrom().voidItem())
                .invoke(() -> LOG.infof("Submission %s (%s, %s) received: %s%s", s.id, s.type, s.province, s.status,
                        sms ? ", SMS codes to " + issued.stream().map(c -> Masking.mobile(c.mobile)).toList() : ""))
                .replaceWith(() -> Views.submission(s, issued, json));
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

    private void startReview(Submission s, OffsetDateTime now) {
        s.status = SubmissionStatus.UNDER_REVIEW;
        s.reviewDueAt = calendar.plusBusinessDays(now.atZoneSameInstant(BeianClock.CHINA),
                config.review().businessDays(s.province)).toOffsetDateTime();
        s.updatedAt = now;
    }

    @WithSession
    public Uni<SubmissionView> find(String id) {
        return submissions.findById(id).chain(s -> s == null
                ? Uni.createFrom().failure(ProblemException.notFound("Submission " + id))
                : view(s));
    }

    private Uni<SubmissionView> view(Submission s) {
        return challenges.bySubmission(s.id).map(cs -> Views.submission(s, cs, json));
    }

    // ---- SMS verification -------------------------------------------------------------------------------------

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
     * A principal enters the code texted to their mobile. A wrong code counts against every open submission waiting
     * for that mobile; one more than allowed returns them (SMS_NOT_VERIFIED). Unknown mobile or expired: 404.
     */
    @WithTransaction
    public Uni<VerifyResult> verifySms(String rawMobile, String code) {
        String mobile = Domains.normalizeMobile(rawMobile);
        OffsetDateTime now = now();
        return challenges.pendingByMobile(mobile).chain(pending -> {
            List<String> ids = pending.stream().map(c -> c.submissionId).distinct().sorted().toList();
            return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(submissions::lock)
                    .filter(s -> s.status == SubmissionStatus.SMS_VERIFICATION && s.smsDeadline.isAfter(now))
                    .collect().asList()
                    .chain(open -> {
                        if (open.isEmpty()) {
                            return Uni.createFrom().failure(new ProblemException(ProblemType.NOT_FOUND,
                                    "No SMS verification is pending for this mobile (unknown, done or expired)"));
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
            startReview(s, now);
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
                chain = chain.chain(() -> smsFailed(s, now, "TOO_MANY_WRONG_CODES",
                        "More than " + max + " wrong SMS codes were entered"));
            }
        }
        VerifyResult result = new VerifyResult(VerifyStatus.WRONG_CODE, false, remaining, returned);
        return chain.replaceWith(result);
    }

    /** Returns a submission whose principals did not verify: SMS_VERIFICATION_FAILED, then RETURNED. */
    private Uni<Void> smsFailed(Submission s, OffsetDateTime now, String why, String message) {
        return challenges.bySubmission(s.id).chain(all -> {
            s.status = SubmissionStatus.RETURNED;
            s.decidedAt = now;
            s.updatedAt = now;
            List<Reason> reasons = List.of(new Reason(Reason.SMS_NOT_VERIFIED, message, null));
            s.reasons = Views.write(json, reasons);
            LOG.infof("Submission %s returned: SMS not verified (%s)", s.id, why);
            return feed.append(s, FeedEntryType.SMS_VERIFICATION_FAILED, now, null,
                    List.of(new Reason(why, message, null)), Views.sms(s, all))
                    .chain(() -> feed.append(s, FeedEntryType.RETURNED, now, null, reasons, null));
        });
    }

    // ---- Deadlines (scheduler) ---------------------------------------------------------------------------------

    public record Due(List<String> smsOverdue, List<String> reviewDue) {
    }

    @WithSession
    public Uni<Due> due(int limit) {
        OffsetDateTime now = now();
        return submissions.smsOverdue(now, limit)
                .chain(sms -> submissions.reviewDue(now, limit).map(review -> new Due(sms, review)));
    }

    /** Returns the submission if its SMS deadline passed and it is still waiting (safe to repeat, any replica). */
    @WithTransaction
    public Uni<Boolean> returnIfSmsOverdue(String id) {
        OffsetDateTime now = now();
        return submissions.lock(id).chain(s -> {
            if (s == null || s.status != SubmissionStatus.SMS_VERIFICATION || s.smsDeadline.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            return smsFailed(s, now, "DEADLINE_PASSED", "The principals did not verify their SMS codes within "
                    + config.smsVerification().deadline().toHours() + " hours").replaceWith(true);
        });
    }

    /** Decides a submission whose review is due (safe to repeat, any replica). */
    @WithTransaction
    public Uni<Boolean> approveIfDue(String id) {
        OffsetDateTime now = now();
        return submissions.lock(id).chain(s -> {
            if (s == null || s.status != SubmissionStatus.UNDER_REVIEW || s.reviewDueAt.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            return decide(s, now).replaceWith(true);
        });
    }

    // ---- Operator decisions ------------------------------------------------------------------------------------

    /** The authority approves now (tests and demos): 409 unless under review. */
    @WithTransaction
    public Uni<SubmissionView> approveNow(String id) {
        OffsetDateTime now = now();
        return lockOrFail(id).chain(s -> {
            if (s.status != SubmissionStatus.UNDER_REVIEW) {
                return Uni.createFrom().failure(notOpen(s, List.of("reject")));
            }
            return decide(s, now).chain(() -> view(s));
        });
    }

    /** The authority rejects now with reasons (tests and demos): 409 unless open. */
    @WithTransaction
    public Uni<SubmissionView> rejectNow(String id, List<Reason> reasons) {
        OffsetDateTime now = now();
        return lockOrFail(id).chain(s -> {
            if (!s.status.isOpen()) {
                return Uni.createFrom().failure(notOpen(s, List.of()));
            }
            return reject(s, reasons, now).chain(() -> view(s));
        });
    }

    private Uni<Submission> lockOrFail(String id) {
        return submissions.lock(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Submission " + id));
    }

    private static ProblemException notOpen(Submission s, List<String> allowed) {
        return new ProblemException(ProblemType.CONFLICT, "Submission " + s.id + " is " + s.status)
                .with("currentState", s.status).with("allowedActions", allowed);
    }

    private Uni<Void> reject(Submission s, List<Reason> reasons, OffsetDateTime now) {
        s.status = SubmissionStatus.REJECTED;
        s.decidedAt = now;
        s.updatedAt = now;
        s.reasons = Views.write(json, reasons);
        LOG.infof("Submission %s rejected: %s", s.id, reasons.stream().map(Reason::code).toList());
        return feed.append(s, FeedEntryType.REJECTED, now, null, reasons, null);
    }

    /**
     * The authority's decision: the registry is checked again (it may have changed since the submission); a
     * conflict now rejects with those reasons, else the approval is applied to the registry.
     */
    private Uni<Void> decide(Submission s, OffsetDateTime now) {
        SubmissionRequest r = Views.read(json, s.snapshot, new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        return rules.conflicts(r, s.id).chain(check -> {
            if (!check.errors.isEmpty()) {
                return reject(s, check.errors.stream()
                        .map(e -> new Reason(e.code(), e.message(), e.field())).toList(), now);
            }
            return apply(r, check, now).chain(numbers -> {
                s.status = SubmissionStatus.APPROVED;
                s.decidedAt = now;
                s.updatedAt = now;
                s.outcome = Views.write(json, numbers);
                LOG.infof("Submission %s approved: %s", s.id, numbers.subjectFilingNumber());
                return feed.append(s, FeedEntryType.APPROVED, now, numbers, null, null);
            });
        });
    }

    private Uni<IssuedNumbers> apply(SubmissionRequest r, SubmissionRules.Check check, OffsetDateTime now) {
        String own = config.ownProvider();
        return switch (r.type()) {
            case FIRST_FILING -> newSubject(r, now).chain(subject -> addWebsites(subject, r, own, now)
                    .chain(added -> issuePassword(subject, now).map(x -> new IssuedNumbers(
                            subject.subjectFilingNumber, added, true))));
            case NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE -> subjects.lock(check.subject.id)
                    .chain(subject -> addWebsites(subject, r, own, now)
                            .map(added -> new IssuedNumbers(subject.subjectFilingNumber, added, false)));
            case ACCESS_FILING -> changeWebsites(r, check, now, (w, snap) -> {
                w.provider = own;
                w.status = FilingStatus.NORMAL;
            });
            case CANCEL_ACCESS -> changeWebsites(r, check, now, (w, snap) -> {
                w.provider = null;
                w.status = FilingStatus.EMPTY_SHELL;
            });
            case DEREGISTER_WEBSITE -> changeWebsites(r, check, now, (w, snap) -> w.status = FilingStatus.DEREGISTERED);
            case CHANGE -> change(r, check, now);
            case DEREGISTER_SUBJECT -> subjects.lock(check.subject.id).chain(subject -> {
                subject.status = FilingStatus.DEREGISTERED;
                subject.updatedAt = now;
                return websites.bySubject(subject.id).chain(ws -> {
                    ws.forEach(w -> {
                        w.status = FilingStatus.DEREGISTERED;
                        w.updatedAt = now;
                    });
                    return issued(subject.subjectFilingNumber, ws, false);
                });
            });
        };
    }

    private Uni<RegistrySubject> newSubject(SubmissionRequest r, OffsetDateTime now) {
        return uniqueSubjectNumber(r.province(), 20).chain(number -> {
            var s = r.subject();
            RegistrySubject subject = new RegistrySubject();
            subject.id = UUID.randomUUID();
            subject.subjectFilingNumber = number;
            subject.status = FilingStatus.NORMAL;
            subject.nature = s.nature();
            subject.name = s.name();
            subject.province = r.province();
            subject.certificateType = s.certificateType();
            subject.certificateNumber = s.certificateNumber();
            subject.provider = config.ownProvider();
            principal(subject, s.principal());
            subject.filedOn = now.toLocalDate();
            subject.updatedAt = now;
            return subjects.persist(subject);
        });
    }

    private static void principal(RegistrySubject subject, PrincipalSnapshot p) {
        subject.principalName = p.name();
        subject.principalCertificateType = p.certificateType();
        subject.principalCertificateNumber = p.certificateNumber();
        subject.principalMobile = p.mobile();
        subject.principalEmail = p.email();
    }

    private Uni<String> uniqueSubjectNumber(Province province, int attempts) {
        String candidate = FilingNumbers.candidate(province);
        return subjects.countByFilingNumber(candidate).chain(n -> {
            if (n == 0) {
                return Uni.createFrom().item(candidate);
            }
            if (attempts <= 1) {
                return Uni.createFrom().failure(new IllegalStateException("No free filing number found"));
            }
            return uniqueSubjectNumber(province, attempts - 1);
        });
    }

    private Uni<List<IssuedNumbers.Website>> addWebsites(RegistrySubject subject, SubmissionRequest r, String own,
            OffsetDateTime now) {
        List<IssuedNumbers.Website> out = new ArrayList<>();
        List<RegistryWebsite> ws = new ArrayList<>();
        List<RegistryDomain> ds = new ArrayList<>();
        for (WebsiteSnapshot snap : r.websites()) {
            RegistryWebsite w = new RegistryWebsite();
            w.id = UUID.randomUUID();
            w.subjectId = subject.id;
            w.websiteFilingNumber = subject.nextWebsiteFilingNumber();
            w.name = snap.name();
            w.status = FilingStatus.NORMAL;
            w.provider = own;
            w.principalName = snap.principal().name();
            w.principalMobile = snap.principal().mobile();
            w.filedOn = now.toLocalDate();
            w.updatedAt = now;
            ws.add(w);
            snap.domains().forEach(d -> ds.add(RegistryDomain.of(w.id, d)));
            out.add(new IssuedNumbers.Website(w.name, snap.domains(), w.websiteFilingNumber, w.status));
        }
        subject.updatedAt = now;
        return Persist.all(websites, ws).chain(() -> Persist.all(domains, ds)).replaceWith(out);
    }

    private Uni<IssuedNumbers> changeWebsites(SubmissionRequest r, SubmissionRules.Check check, OffsetDateTime now,
            java.util.function.BiConsumer<RegistryWebsite, WebsiteSnapshot> change) {
        List<RegistryWebsite> changed = new ArrayList<>();
        for (WebsiteSnapshot snap : r.websites()) {
            RegistryWebsite w = check.websitesByNumber.get(snap.websiteFilingNumber());
            change.accept(w, snap);
            w.updatedAt = now;
            changed.add(w);
        }
        return issued(check.subject.subjectFilingNumber, changed, false);
    }

    private Uni<IssuedNumbers> change(SubmissionRequest r, SubmissionRules.Check check, OffsetDateTime now) {
        return subjects.lock(check.subject.id).chain(subject -> {
            var s = r.subject();
            subject.name = s.name();
            subject.certificateType = s.certificateType();
            subject.certificateNumber = s.certificateNumber();
            principal(subject, s.principal());
            subject.updatedAt = now;
            List<RegistryDomain> replaced = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (WebsiteSnapshot snap : r.websites()) {
                RegistryWebsite w = check.websitesByNumber.get(snap.websiteFilingNumber());
                w.name = snap.name();
                w.principalName = snap.principal().name();
                w.principalMobile = snap.principal().mobile();
                w.updatedAt = now;
                snap.domains().forEach(d -> replaced.add(RegistryDomain.of(w.id, d)));
                chain = chain.chain(() -> domains.deleteByWebsite(w.id)).replaceWithVoid();
            }
            List<RegistryWebsite> changed = r.websites().stream()
                    .map(snap -> check.websitesByNumber.get(snap.websiteFilingNumber())).toList();
            return chain.chain(() -> domains.getSession()).chain(session -> session.flush())
                    .chain(() -> Persist.all(domains, replaced))
                    .chain(() -> issued(subject.subjectFilingNumber, changed, false));
        });
    }

    private Uni<IssuedNumbers> issued(String subjectNumber, List<RegistryWebsite> ws, boolean password) {
        return domains.byWebsites(ws.stream().map(w -> w.id).toList()).map(ds -> {
            Map<UUID, List<String>> byWebsite = Views.domainsByWebsite(ds);
            return new IssuedNumbers(subjectNumber, ws.stream().map(w -> new IssuedNumbers.Website(w.name,
                    byWebsite.getOrDefault(w.id, List.of()), w.websiteFilingNumber, w.status)).toList(), password);
        });
    }

    /**
     * A first filing's password: random, only its hash kept; the stand-in itself texts and e-mails it to the subject
     * principal (delivered after commit, wiped from the message once sent). Never logged.
     */
    private Uni<Void> issuePassword(RegistrySubject subject, OffsetDateTime now) {
        String password = PasswordHasher.generate();
        return hashing.hash(password)
                .chain(hash -> {
                    subject.passwordHash = hash;
                    List<OutgoingMessage> messages = new ArrayList<>();
                    String text = "【工信部ICP备案】您的主体备案号 " + subject.subjectFilingNumber + " 已审核通过。备案密码："
                            + password + "。办理接入、变更、注销时需要此密码，请妥善保管，勿告知他人。";
                    messages.add(sms(subject.principalMobile, "MIIT_FILING_PASSWORD",
                            Map.of("subjectFilingNumber", subject.subjectFilingNumber, "password", password), text,
                            true, now));
                    if (subject.principalEmail != null && !subject.principalEmail.isBlank()) {
                        OutgoingMessage mail = new OutgoingMessage();
                        mail.id = UUID.randomUUID();
                        mail.channel = OutgoingMessage.EMAIL;
                        mail.recipient = subject.principalEmail;
                        mail.subject = "ICP备案密码通知（" + subject.subjectFilingNumber + "）";
                        mail.body = subject.principalName + "，您好：\n\n" + text + "\n\n工业和信息化部 ICP/IP地址/域名信息备案管理系统";
                        mail.secret = true;
                        mail.createdAt = now;
                        messages.add(mail);
                    }
                    return Persist.all(outgoing, messages);
                });
    }

    private OutgoingMessage sms(String mobile, String template, Map<String, String> params, String text,
            boolean secret, OffsetDateTime now) {
        OutgoingMessage m = new OutgoingMessage();
        m.id = UUID.randomUUID();
        m.channel = OutgoingMessage.SMS;
        m.recipient = mobile;
        m.templateCode = template;
        m.templateParam = Views.write(json, params);
        m.body = text;
        m.secret = secret;
        m.createdAt = now;
        return m;
    }

    /** Database precision (microseconds), so a view read back equals the one answered. */
    private OffsetDateTime now() {
        return clock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
