package cn.beian.subject.rest;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.Party;
import cn.beian.platform.json.Json;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.OrderDeadlines;
import cn.beian.subject.domain.OrderStateMachine;
import cn.beian.subject.domain.OrderTransition;
import cn.beian.subject.service.OrderFindings;
import cn.beian.subject.service.OrderService;
import cn.beian.time.BusinessCalendar;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An order as a front-end needs it: its state, whose move it is, the actions the caller may take next, the
 * expiry of the current step, and (in the detail view) its history.
 *
 * @param changeKind     what a CHANGE order changes (SUBJECT, WEBSITE, ACCESS); absent for other types
 * @param allowedActions the applicant's possible next moves, e.g. {@code SUBMIT}, {@code ABANDON}
 * @param expiresAt      when the current step expires (45 days waiting on the applicant; never in Zhejiang)
 * @param reviewDueAt    in provider review: when it is due (1 business day)
 * @param authorityEta      when the administration is expected to decide: with the administration, 20 business
 *                          days (Zhejiang 30) from its receipt; before, a forecast from now through the provider
 *                          reviews still ahead; absent once the order is approved, abandoned or expired
 * @param authorityEtaBasis AUTHORITY (the administration holds the order) or FORECAST (recomputed at each read, so
 *                          not part of the ETag)
 * @param readiness      the versions of the websites and materials judged complete, and what still keeps the order
 *                       from being submitted
 * @param findings       (detail view) every finding on the order — the province rules on its subject, website-service's
 *                       on its websites and domains, materials-service's on its materials — in the caller's language;
 *                       the blocking ones ({@code severity} BLOCKS, {@code outcome} FAILED) are what submission is
 *                       refused with
 * @param history        (detail view) the order's latest moves, at most 20, oldest first
 * @param historyComplete (detail view) false when {@code history} leaves earlier moves out: {@code GET
 *                       /api/v1/orders/{id}/history} pages all of them
 * @param initiatedBy    {@code PROVIDER} for a cancel-access order the provider opened itself (an empty shell past its
 *                       grace, confirmed by staff): the provider submits it, so the applicant has no actions on it;
 *                       {@code APPLICANT} otherwise
 */
public record OrderView(
        String id,
        String subjectId,
        FilingType type,
        ChangeKind changeKind,
        OrderState state,
        Party waitingOn,
        Set<OrderTrigger> allowedActions,
        boolean contentsEditable,
        boolean photoEditable,
        boolean rereview,
        OffsetDateTime stateEnteredAt,
        OffsetDateTime expiresAt,
        OffsetDateTime reviewDueAt,
        OffsetDateTime authorityEta,
        OrderDeadlines.Basis authorityEtaBasis,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<HistoryEntry> history,
        Boolean historyComplete,
        Readiness readiness,
        Approval approval,
        List<FindingView> findings,
        String initiatedBy) {

    /**
     * One finding, as the stateless pre-check ({@code POST /api/v1/pre-checks}) words the same rule.
     *
     * @param part       SUBJECT, WEBSITES or MATERIALS: whose check it is
     * @param fieldKey   a JSON path into the order as the applicant edits it ({@code subject.principal.mobile},
     *                   {@code websites[1].name}, {@code websites[0].domains[2]}, {@code materials.ID_FRONT}); absent
     *                   for the whole order
     * @param ruleId     the catalogue id ({@code docs/province-rules.md}), or the checker's own documented id
     * @param severity   BLOCKS, WARNS or CHECKLIST
     * @param outcome    FAILED, or UNDETERMINED where a fact was missing (the message says which)
     * @param suggestion what to do about it, where the rule says
     */
    public record FindingView(String part, String fieldKey, String ruleId, String severity, String outcome,
            String message, String suggestion) {

        static FindingView of(OrderFindings.Item f) {
            return new FindingView(f.part().name(), f.fieldKey(), f.ruleId(), f.severity(), f.outcome(), f.message(),
                    f.suggestion());
        }
    }

    /** The numbers the administration approved the order with; absent until then. */
    public record Approval(String subjectFilingNumber, List<AuthorityApproved.WebsiteNumber> websites,
            OffsetDateTime approvedAt) {

        static Approval of(String stored, Json json) {
            if (stored == null) {
                return null;
            }
            AuthorityApproved a = json.read(stored, AuthorityApproved.class);
            return new Approval(a.subjectFilingNumber(), a.websites(), a.approvedAt());
        }
    }

    /**
     * @param missing what submission waits for: {@code WEBSITES_INCOMPLETE}, {@code MATERIALS_INCOMPLETE}
     */
    public record Readiness(Long websitesVersion, Long materialsVersion, List<String> missing) {

        static Readiness of(FilingOrder o) {
            List<String> missing = new java.util.ArrayList<>();
            if (o.websitesReadyVersion == null) {
                missing.add("WEBSITES_INCOMPLETE");
            }
            if (o.materialsReadyVersion == null) {
                missing.add("MATERIALS_INCOMPLETE");
            }
            return new Readiness(o.websitesReadyVersion, o.materialsReadyVersion, missing);
        }
    }

    public record HistoryEntry(OrderState from, OrderState to, OrderTrigger trigger, OrderTrigger.Actor actor,
            List<String> reasons, OffsetDateTime at) {

        public static HistoryEntry of(OrderTransition t) {
            return new HistoryEntry(t.fromState, t.toState, t.trigger, t.actor,
                    t.reasons == null ? null : Arrays.asList(t.reasons.split("\n")), t.at);
        }
    }

    /** The list view: no history, no findings. */
    public static OrderView of(FilingOrder o, OffsetDateTime now, BusinessCalendar calendar, Json json) {
        return of(o, null, null, null, now, calendar, json);
    }

    /** The detail view: with its history and its findings. */
    public static OrderView of(OrderService.Tracked t, OffsetDateTime now, BusinessCalendar calendar, Json json) {
        return of(t.order(), t.history(), t.historyComplete(), t.findings(), now, calendar, json);
    }

    private static OrderView of(FilingOrder o, List<OrderTransition> history, Boolean historyComplete,
            List<OrderFindings.Item> findings, OffsetDateTime now, BusinessCalendar calendar, Json json) {
        OrderDeadlines.Eta eta = OrderDeadlines.authorityEta(o, now, calendar);
        return new OrderView(o.id.toString(), o.subjectId.toString(), o.type, o.changeKind, o.state,
                o.state.waitingOn(),
                o.providerInitiated() ? o.providerOrderApplicantMoves()
                        : OrderStateMachine.allowed(o.state, OrderTrigger.Actor.APPLICANT, o.context()),
                o.state.contentsEditable(), o.state.photoEditable(), o.rereview, o.stateSince, o.expiresAt(),
                OrderDeadlines.reviewDueAt(o, calendar), eta == null ? null : eta.at(),
                eta == null ? null : eta.basis(),
                o.createdAt, o.updatedAt, history == null ? null : history.stream().map(HistoryEntry::of).toList(),
                historyComplete, Readiness.of(o), Approval.of(o.approval, json),
                findings == null ? null : findings.stream().map(FindingView::of).toList(),
                o.providerInitiated() ? FilingOrder.PROVIDER : "APPLICANT");
    }
}
