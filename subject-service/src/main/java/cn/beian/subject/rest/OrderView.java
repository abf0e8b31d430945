package cn.beian.subject.rest;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.Party;
import cn.beian.platform.json.Json;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.OrderDeadlines;
import cn.beian.subject.domain.OrderStateMachine;
import cn.beian.subject.domain.OrderTransition;
import cn.beian.time.BusinessCalendar;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An order as a front-end needs it: its state, whose move it is, the actions the caller may take next, the
 * expiry of the current step, and (in the detail view) its history.
 *
 * @param allowedActions the applicant's possible next moves, e.g. {@code SUBMIT}, {@code ABANDON}
 * @param expiresAt      when the current step expires (45 days waiting on the applicant; never in Zhejiang)
 * @param reviewDueAt    in provider review: when it is due (1 business day)
 * @param authorityEta   with the administration: when it is expected to decide (20 business days, Zhejiang 30)
 * @param readiness      the versions of the websites and materials judged complete, and what still keeps the order
 *                       from being submitted
 */
public record OrderView(
        String id,
        String subjectId,
        FilingType type,
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
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<HistoryEntry> history,
        Readiness readiness,
        Approval approval) {

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

    public static OrderView of(FilingOrder o, List<OrderTransition> history, BusinessCalendar calendar, Json json) {
        return new OrderView(o.id.toString(), o.subjectId.toString(), o.type, o.state, o.state.waitingOn(),
                OrderStateMachine.allowed(o.state, OrderTrigger.Actor.APPLICANT, o.context()),
                o.state.contentsEditable(), o.state.photoEditable(), o.rereview, o.stateSince, o.expiresAt(),
                OrderDeadlines.reviewDueAt(o, calendar), OrderDeadlines.authorityEta(o, calendar),
                o.createdAt, o.updatedAt, history == null ? null : history.stream().map(HistoryEntry::of).toList(),
                Readiness.of(o), Approval.of(o.approval, json));
    }
}
