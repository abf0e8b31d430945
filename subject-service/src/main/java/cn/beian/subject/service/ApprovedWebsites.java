package cn.beian.subject.service;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.domain.ApprovedWebsite;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.repository.ApprovedWebsiteRepository;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The websites approved here for each account ({@link ApprovedWebsite}): kept from the administration's approvals, and
 * what a cancel-access or deregister-website order picks from (docs/domain.md §3.3). Runs in the caller's transaction.
 */
@ApplicationScoped
public class ApprovedWebsites {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ApprovedWebsiteRepository websites;
    private final Json json;
    private final BeianClock clock;

    public ApprovedWebsites(ApprovedWebsiteRepository websites, Json json, BeianClock clock) {
        this.websites = websites;
        this.json = json;
        this.clock = clock;
    }

    /** Removing types whose applicant names the approved websites the order closes. */
    public static boolean picksWebsites(FilingType type) {
        return type == FilingType.CANCEL_ACCESS || type == FilingType.DEREGISTER_WEBSITE;
    }

    /**
     * Whether an order of {@code type} (and, for a change, {@code kind}) names the approved websites it is about: the
     * two removing types that pick, and a change of websites or of their access information.
     */
    public static boolean picksWebsites(FilingType type, ChangeKind kind) {
        return picksWebsites(type)
                || type == FilingType.CHANGE && (kind == ChangeKind.WEBSITE || kind == ChangeKind.ACCESS);
    }

    /**
     * The websites {@code refs} name (each a website id or a website filing number), in the order given: 400 when the
     * type picks none and some are given or it picks and none are; 409 naming each one that is not the account's, or
     * is no longer served here.
     */
    public Uni<List<ApprovedWebsite>> pick(String accountId, FilingType type, ChangeKind kind, List<String> refs) {
        List<String> given = refs == null ? List.of() : refs;
        if (!picksWebsites(type, kind)) {
            return given.isEmpty() ? Uni.createFrom().item(List.of())
                    : Uni.createFrom().failure(ProblemException.invalidFields(List.of(FieldViolation.of("websites",
                            "NOT_ALLOWED", "field.websites-not-for-type", kind == null ? type : type + " " + kind))));
        }
        if (given.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalidFields(List.of(FieldViolation.of("websites",
                    "NOT_EMPTY", "field.websites-required"))));
        }
        return websites.ofAccount(accountId).map(own -> {
            List<FieldViolation> errors = new ArrayList<>();
            List<ApprovedWebsite> picked = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < given.size(); i++) {
                String ref = given.get(i).strip();
                String field = "websites[" + i + "]";
                ApprovedWebsite w = own.stream().filter(x -> ref.equals(x.websiteFilingNumber)
                        || ref.equalsIgnoreCase(x.id.toString())).findFirst().orElse(null);
                if (w == null) {
                    errors.add(FieldViolation.of(field, "WEBSITE_NOT_ACCOUNTS", "field.website-not-accounts", ref));
                } else if (w.status != ApprovedWebsite.Status.ACTIVE) {
                    errors.add(FieldViolation.of(field, "WEBSITE_NOT_ACTIVE",
                            w.status == ApprovedWebsite.Status.ACCESS_CANCELLED ? "field.website-access-cancelled"
                                    : "field.website-deregistered", w.websiteFilingNumber));
                } else if (!seen.add(w.websiteFilingNumber)) {
                    errors.add(FieldViolation.of(field, "WEBSITE_PICKED_TWICE", "field.website-picked-twice",
                            w.websiteFilingNumber));
                } else {
                    picked.add(w);
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.localized(ProblemType.CONFLICT, "detail.order-websites-not-pickable", errors,
                        type, String.valueOf(errors.size())).with("code", "ORDER_WEBSITES_NOT_PICKABLE");
            }
            return picked;
        });
    }

    /**
     * 409 naming each picked website that the account's order in flight already holds: a change or a subject
     * deregistration holds all of them (a change of websites or of access information only those it picked), a
     * cancel-access or deregister-website order those it picked.
     */
    public void requireNotInOrder(List<ApprovedWebsite> picked, FilingOrder inFlight) {
        boolean all = inFlight.type == FilingType.DEREGISTER_SUBJECT
                || inFlight.type == FilingType.CHANGE && !picksWebsites(inFlight.type, inFlight.changeKind);
        Set<String> held = all ? null : new HashSet<>(numbers(inFlight));
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            String number = picked.get(i).websiteFilingNumber;
            if (held == null || held.contains(number)) {
                errors.add(FieldViolation.of("websites[" + i + "]", "WEBSITE_IN_OPEN_ORDER",
                        "field.website-in-open-order", number, inFlight.id.toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.website-in-open-order", errors)
                    .with("code", "WEBSITE_IN_OPEN_ORDER").with("orderId", inFlight.id.toString())
                    .with("currentState", inFlight.state);
        }
    }

    /** The website filing numbers an order picked (none for types that pick none). */
    public List<String> numbers(FilingOrder o) {
        return o.websites == null ? List.of() : json.read(o.websites, STRINGS);
    }

    /**
     * The administration approved {@code o}: filings record their websites' numbers (a change keeps each website's
     * id), a cancellation or website deregistration closes the websites the order picked, a subject deregistration
     * revokes every website of the account.
     */
    public Uni<Void> approved(FilingOrder o, AuthorityApproved a) {
        OffsetDateTime at = a.approvedAt() == null ? clock.now() : a.approvedAt();
        if (o.type == FilingType.DEREGISTER_SUBJECT) {
            return websites.ofAccount(o.accountId).chain(all -> {
                all.stream().filter(w -> w.status != ApprovedWebsite.Status.DEREGISTERED)
                        .forEach(w -> close(w, ApprovedWebsite.Status.DEREGISTERED, o, at));
                return websites.persist(all).replaceWithVoid();
            });
        }
        if (picksWebsites(o.type)) {
            ApprovedWebsite.Status status = o.type == FilingType.CANCEL_ACCESS
                    ? ApprovedWebsite.Status.ACCESS_CANCELLED : ApprovedWebsite.Status.DEREGISTERED;
            List<String> numbers = numbers(o);
            return numbers.isEmpty() ? Uni.createFrom().voidItem()
                    : websites.list("websiteFilingNumber in ?1", numbers).chain(list -> {
                        list.forEach(w -> close(w, status, o, at));
                        return websites.persist(list).replaceWithVoid();
                    });
        }
        Map<String, AuthorityApproved.WebsiteNumber> issued = new LinkedHashMap<>();
        (a.websites() == null ? List.<AuthorityApproved.WebsiteNumber>of() : a.websites()).stream()
                .filter(n -> n.websiteFilingNumber() != null).forEach(n -> issued.put(n.websiteFilingNumber(), n));
        if (issued.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return websites.list("websiteFilingNumber in ?1", List.copyOf(issued.keySet())).chain(existing -> {
            Map<String, ApprovedWebsite> byNumber = new LinkedHashMap<>();
            existing.forEach(w -> byNumber.put(w.websiteFilingNumber, w));
            List<ApprovedWebsite> out = new ArrayList<>();
            for (AuthorityApproved.WebsiteNumber n : issued.values()) {
                ApprovedWebsite w = byNumber.get(n.websiteFilingNumber());
                if (w == null) {
                    w = new ApprovedWebsite();
                    w.websiteFilingNumber = n.websiteFilingNumber();
                    w.id = idOf(n.websiteId());
                }
                w.accountId = o.accountId;
                w.subjectId = o.subjectId;
                w.name = n.name() == null ? "" : n.name();
                w.domains = json.write(n.domains() == null ? List.of() : n.domains());
                w.status = ApprovedWebsite.Status.ACTIVE;
                w.approvedAt = at;
                w.closedAt = null;
                w.closedByOrder = null;
                out.add(w);
            }
            return websites.persist(out).replaceWithVoid();
        });
    }

    private static void close(ApprovedWebsite w, ApprovedWebsite.Status status, FilingOrder o, OffsetDateTime at) {
        w.status = status;
        w.closedAt = at;
        w.closedByOrder = o.id;
    }

    private static UUID idOf(String websiteId) {
        try {
            return websiteId == null ? UUID.randomUUID() : UUID.fromString(websiteId);
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID();
        }
    }
}
