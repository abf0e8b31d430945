package cn.beian.notification.service;

import static cn.beian.notification.domain.Audience.ACCOUNT;
import static cn.beian.notification.domain.Audience.SUBJECT_PRINCIPAL;
import static cn.beian.notification.domain.Audience.WEBSITE_PRINCIPAL;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.authority.AuthoritySubmitted;
import cn.beian.contract.events.authority.SmsVerificationChanged;
import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.website.WebsiteProbeFindingRaised;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.subject.FilingPasswordTried;
import cn.beian.contract.events.subject.SubjectCheckFindingRaised;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.notification.domain.Audience;
import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.Notice;
import cn.beian.notification.domain.OrderProjection;
import cn.beian.time.BeianClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each event says to whom (issue 8 §1). One source per fact, so nothing is said twice: the applicant's own
 * moves, expiry and the empty-shell warning come from subject-service's {@code order.transitioned}; review
 * outcomes from review-service's {@code review.*}; the administration's steps from {@code authority.*};
 * reminders from {@code order.idle-milestone-reached}. Every notice links to the order; the templates name the
 * next action.
 */
@ApplicationScoped
public class NoticePlanner {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<Audience> APPLICANT = Set.of(ACCOUNT, SUBJECT_PRINCIPAL);
    /** A subject check's or a probe's finding: a principal's mobile no longer receives SMS (told by e-mail only). */
    static final String MOBILE_UNDELIVERABLE = "MOBILE_UNDELIVERABLE";
    private static final Set<Audience> EVERYONE = Set.of(ACCOUNT, SUBJECT_PRINCIPAL, WEBSITE_PRINCIPAL);

    private final Links links;

    public NoticePlanner(Links links) {
        this.links = links;
    }

    public List<Notice> transitioned(OrderTransitioned e) {
        Map<String, Object> p = base(e.orderId());
        OrderTrigger trigger = e.trigger();
        if (trigger == null) {
            return List.of();
        }
        return switch (trigger) {
            // The provider submitted its own cancel-access order (an empty shell past its grace): the applicant is
            // told what the provider did, not asked to wait for a review of its own submission.
            case SUBMIT -> e.actor() == OrderTrigger.Actor.PROVIDER
                    ? List.of(new Notice("order.provider-cancel-access", false, p, APPLICANT))
                    : List.of(new Notice("order.submitted", true, withResubmitted(p, false), APPLICANT));
            case RESUBMIT -> {
                p.put("resubmitted", trigger == OrderTrigger.RESUBMIT);
                yield List.of(new Notice("order.submitted", true, p, APPLICANT));
            }
            case WITHDRAW -> List.of(new Notice("order.withdrawn", true, p, APPLICANT));
            // The applicant or a verification point submitted the curtain photo: the photo review comes next.
            case PHOTO_SUBMIT -> List.of(new Notice("order.photo-submitted", true, p, APPLICANT));
            case ABANDON -> List.of(new Notice("order.abandoned", true, p, APPLICANT));
            // The clock moves it, at any hour: it waits for the morning like a reminder.
            case EXPIRE -> List.of(new Notice("order.expired", false, p, APPLICANT));
            case AUTHORITY_APPROVE -> e.type() == FilingType.CANCEL_ACCESS
                    ? List.of(new Notice("order.empty-shell-warning", false, p, EVERYONE))
                    : List.of();
            default -> List.of();
        };
    }

    private static Map<String, Object> withResubmitted(Map<String, Object> p, boolean resubmitted) {
        p.put("resubmitted", resubmitted);
        return p;
    }

    public List<Notice> milestone(OrderIdleMilestoneReached e, String locale) {
        Map<String, Object> p = base(e.orderId());
        p.put("days", e.days());
        p.put("state", Labels.state(e.state(), locale));
        p.put("action", Labels.action(e.state(), locale));
        if (e.expiresAt() != null) {
            p.put("expiresOn", date(e.expiresAt()));
        }
        return List.of(new Notice("order.reminder", false, p, APPLICANT));
    }

    public List<Notice> review(String kind, ReviewDecided e, OrderProjection contact) {
        Map<String, Object> p = base(e.orderId());
        reasons(p, e.reasons());
        boolean photo = kind.startsWith("review.photo");
        if (kind.equals("review.initial-approved")) {
            // Access, cancel and deregistration orders need no photo (docs/domain.md §3.1): they go to the authority.
            p.put("needsPhoto", contact == null || contact.filingType == null
                    || FilingType.valueOf(contact.filingType).needsPhoto());
        }
        return List.of(new Notice(kind, true, p, photo ? EVERYONE : APPLICANT));
    }

    public List<Notice> authoritySubmitted(AuthoritySubmitted e) {
        Map<String, Object> p = base(e.orderId());
        if (e.expectedDecisionBy() != null) {
            p.put("expectedBy", date(e.expectedDecisionBy()));
        }
        return List.of(new Notice("authority.submitted", true, p, APPLICANT));
    }

    /** Asked and missed go to every principal (each must act); done goes to the applicant. */
    public List<Notice> sms(String kind, SmsVerificationChanged e) {
        Map<String, Object> p = base(e.orderId());
        if (e.deadline() != null) {
            p.put("deadline", dateTime(e.deadline()));
        }
        return List.of(new Notice(kind, true, p, "authority.sms-verified".equals(kind) ? APPLICANT : EVERYONE));
    }

    /**
     * The administration approved the order: its numbers to every principal. A change keeps the numbers and needs no
     * police filing, so it is told as a change ({@code authority.change-approved}).
     */
    public List<Notice> approved(AuthorityApproved e, OrderProjection contact) {
        Map<String, Object> p = base(e.orderId());
        p.put("subjectNumber", e.subjectFilingNumber() == null ? "" : e.subjectFilingNumber());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (AuthorityApproved.WebsiteNumber w : e.websites() == null ? List.<AuthorityApproved.WebsiteNumber>of()
                : e.websites()) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("name", w.name() == null ? "" : w.name());
            site.put("number", w.websiteFilingNumber() == null ? "" : w.websiteFilingNumber());
            site.put("domains", w.domains() == null ? "" : String.join(", ", w.domains()));
            sites.add(site);
        }
        p.put("websites", sites);
        p.put("websiteCount", sites.size());
        boolean change = contact != null && FilingType.CHANGE.name().equals(contact.filingType);
        return List.of(new Notice(change ? "authority.change-approved" : "authority.approved", true, p, EVERYONE));
    }

    public List<Notice> authorityRejected(String kind, AuthorityRejected e) {
        Map<String, Object> p = base(e.orderId());
        reasons(p, e.reasons());
        return List.of(new Notice(kind, true, p, APPLICANT));
    }

    /**
     * Another account tried the subject's filing password here: the subject's principal is told (SMS and e-mail),
     * at once, as a security notice. The certificate is masked; no link (a security SMS that links nowhere cannot
     * be imitated by one that does); the e-mail points at the console.
     */
    public Notice filingPasswordTried(FilingPasswordTried e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("certificate", e.certificateNumberMasked() == null ? "" : e.certificateNumberMasked());
        p.put("tries", Math.max(1, e.triesSinceLastNotice()));
        p.put("matched", "MATCH".equals(e.outcome()));
        p.put("triedAt", e.triedAt() == null ? "" : dateTime(e.triedAt()));
        p.put("consoleLink", links.console(""));
        return new Notice("subject.filing-password-tried", true, p, Set.of(SUBJECT_PRINCIPAL));
    }

    /**
     * A check of the approved subject found what needs a change filing (the principal's certificate expired): the
     * applicant (the account's e-mail and the subject principal) is told once, not urgent. Linked to the subject's
     * latest approved order where known.
     */
    public Notice subjectCheckFinding(SubjectCheckFindingRaised f) {
        if (MOBILE_UNDELIVERABLE.equals(f.kind())) {
            return mobileUndeliverable(f);
        }
        Map<String, Object> p = f.orderId() != null ? base(f.orderId()) : new LinkedHashMap<>();
        if (f.orderId() == null) {
            p.put("order", "");
            p.put("link", links.console(""));
            p.put("consoleLink", links.console(""));
        }
        p.put("kind", f.kind() == null ? "" : f.kind());
        p.put("subjectNumber", f.subjectFilingNumber() == null ? "" : f.subjectFilingNumber());
        p.put("validUntil", f.validUntil() == null ? "" : f.validUntil().toString());
        return new Notice("subject.change-required", false, p, APPLICANT);
    }

    /**
     * The subject principal's mobile no longer receives SMS (the provider's delivery reports): the applicant is told
     * by e-mail only — an SMS to that number would be lost too — once, not urgent: change the mobile by a change
     * filing, or confirm it again if it works.
     */
    private Notice mobileUndeliverable(SubjectCheckFindingRaised f) {
        Map<String, Object> p = f.orderId() != null ? base(f.orderId()) : new LinkedHashMap<>();
        if (f.orderId() == null) {
            p.put("order", "");
            p.put("link", links.console(""));
            p.put("consoleLink", links.console(""));
        }
        p.put("subjectNumber", f.subjectFilingNumber() == null ? "" : f.subjectFilingNumber());
        p.put("raisedAt", f.raisedAt() == null ? "" : dateTime(f.raisedAt()));
        return new Notice("subject.mobile-undeliverable", false, p, APPLICANT, null, EnumSet.of(Channel.EMAIL));
    }

    /** The n-th police-filing reminder of one website; sent to the account, the subject and that website's principal. */
    public Notice policeReminder(String orderId, String websiteId, String websiteName, String websiteNumber,
            OffsetDateTime deadline) {
        Map<String, Object> p = base(orderId);
        p.put("website", websiteName == null ? "" : websiteName);
        p.put("websiteNumber", websiteNumber == null ? "" : websiteNumber);
        p.put("deadline", date(deadline));
        return new Notice("police.reminder", false, p, EVERYONE, websiteId);
    }

    /**
     * A probe found something new wrong with a filed website: its applicant and the website's principal are told,
     * once per finding. Not urgent (quiet hours hold the SMS). A content flag is for staff to judge first, so it
     * tells no one: {@code null}.
     */
    public Notice probeFinding(WebsiteProbeFindingRaised f) {
        if ("CONTENT_FLAG".equals(f.kind())) {
            return null;
        }
        if (MOBILE_UNDELIVERABLE.equals(f.kind())) {
            return websiteMobileUndeliverable(f);
        }
        Map<String, Object> p = base(f.orderId());
        p.put("website", f.websiteName() == null ? "" : f.websiteName());
        p.put("websiteNumber", f.websiteFilingNumber() == null ? "" : f.websiteFilingNumber());
        p.put("domain", f.domain() == null ? "" : f.domain());
        // a kind this version does not know is worded as a generic finding by the templates
        p.put("kind", f.kind() == null ? "" : f.kind());
        p.put("seenAt", f.firstSeenAt() == null ? "" : dateTime(f.firstSeenAt()));
        return new Notice("website.probe-finding", false, p, EVERYONE, f.websiteId());
    }

    /**
     * A filed website's own principal's mobile no longer receives SMS (website-service's probe finding
     * {@code MOBILE_UNDELIVERABLE}): told like every probe finding, once, not urgent, but by e-mail only — an SMS to
     * that number would be lost too, and the others would only repeat the e-mail.
     */
    private Notice websiteMobileUndeliverable(WebsiteProbeFindingRaised f) {
        Map<String, Object> p = base(f.orderId());
        p.put("website", f.websiteName() == null ? "" : f.websiteName());
        p.put("websiteNumber", f.websiteFilingNumber() == null ? "" : f.websiteFilingNumber());
        p.put("seenAt", f.firstSeenAt() == null ? "" : dateTime(f.firstSeenAt()));
        return new Notice("website.mobile-undeliverable", false, p, EVERYONE, f.websiteId(),
                EnumSet.of(Channel.EMAIL));
    }

    private Map<String, Object> base(String orderId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order", Links.shortCode(orderId));
        p.put("link", links.shortLink(orderId));
        p.put("consoleLink", links.console(orderId));
        return p;
    }

    private static void reasons(Map<String, Object> p, List<RejectionReason> reasons) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RejectionReason r : reasons == null ? List.<RejectionReason>of() : reasons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", r.fieldKey() == null ? "" : r.fieldKey());
            m.put("code", r.code() == null ? "" : r.code());
            m.put("suggestion", r.suggestion() == null ? "" : r.suggestion());
            list.add(m);
        }
        p.put("reasons", list);
        p.put("reasonCount", list.size());
    }

    static String date(OffsetDateTime t) {
        return t.atZoneSameInstant(BeianClock.CHINA).format(DATE);
    }

    static String dateTime(OffsetDateTime t) {
        return t.atZoneSameInstant(BeianClock.CHINA).format(DATE_TIME);
    }
}
