package cn.beian.subject.domain;

import static cn.beian.contract.order.OrderState.ABANDONED;
import static cn.beian.contract.order.OrderState.APPROVED;
import static cn.beian.contract.order.OrderState.AUTHORITY_REJECTED;
import static cn.beian.contract.order.OrderState.AUTHORITY_REVIEW;
import static cn.beian.contract.order.OrderState.AWAITING_PHOTO;
import static cn.beian.contract.order.OrderState.DRAFT;
import static cn.beian.contract.order.OrderState.EXPIRED;
import static cn.beian.contract.order.OrderState.INITIAL_REJECTED;
import static cn.beian.contract.order.OrderState.INITIAL_REVIEW;
import static cn.beian.contract.order.OrderState.PHOTO_REJECTED;
import static cn.beian.contract.order.OrderState.PHOTO_REVIEW;

import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.OrderTrigger.Actor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The transitions of a filing order, exactly as docs/domain.md §3.1 tabulates them (actors included) and §3.3
 * for the order types that need no photo. Pure: the caller persists the result.
 */
public final class OrderStateMachine {

    /**
     * What a transition may depend on besides the state.
     *
     * @param rereview        the order is back in initial review after an authority rejection
     * @param photoStillHolds the approved curtain photo still holds (same website principals)
     * @param expiryExempt    the province does not expire idle orders (Zhejiang)
     */
    public record Context(FilingType type, boolean rereview, boolean photoStillHolds, boolean expiryExempt) {
    }

    private static final Map<OrderState, Map<OrderTrigger, Function<Context, Optional<OrderState>>>> TABLE =
            new EnumMap<>(OrderState.class);

    static {
        on(DRAFT, OrderTrigger.SUBMIT, INITIAL_REVIEW);
        on(INITIAL_REVIEW, OrderTrigger.WITHDRAW, DRAFT);
        TABLE.get(INITIAL_REVIEW).put(OrderTrigger.INITIAL_APPROVE, c -> Optional.of(
                !c.type().needsPhoto() || (c.rereview() && c.photoStillHolds()) ? AUTHORITY_REVIEW : AWAITING_PHOTO));
        on(INITIAL_REVIEW, OrderTrigger.INITIAL_REJECT, INITIAL_REJECTED);
        on(INITIAL_REJECTED, OrderTrigger.RESUBMIT, INITIAL_REVIEW);
        on(AWAITING_PHOTO, OrderTrigger.PHOTO_SUBMIT, PHOTO_REVIEW);
        on(PHOTO_REVIEW, OrderTrigger.PHOTO_APPROVE, AUTHORITY_REVIEW);
        on(PHOTO_REVIEW, OrderTrigger.PHOTO_REJECT, PHOTO_REJECTED);
        on(PHOTO_REJECTED, OrderTrigger.PHOTO_SUBMIT, PHOTO_REVIEW);
        on(AUTHORITY_REVIEW, OrderTrigger.SMS_VERIFIED, AUTHORITY_REVIEW);
        on(AUTHORITY_REVIEW, OrderTrigger.AUTHORITY_APPROVE, APPROVED);
        on(AUTHORITY_REVIEW, OrderTrigger.AUTHORITY_REJECT, AUTHORITY_REJECTED);
        on(AUTHORITY_REJECTED, OrderTrigger.RESUBMIT, INITIAL_REVIEW);
        on(EXPIRED, OrderTrigger.RESUBMIT, INITIAL_REVIEW);
        for (OrderState s : EnumSet.of(DRAFT, INITIAL_REVIEW, INITIAL_REJECTED, AWAITING_PHOTO, PHOTO_REVIEW,
                PHOTO_REJECTED, AUTHORITY_REJECTED, EXPIRED)) {
            on(s, OrderTrigger.ABANDON, ABANDONED);
        }
        for (OrderState s : EnumSet.of(INITIAL_REJECTED, AWAITING_PHOTO, PHOTO_REJECTED, AUTHORITY_REJECTED)) {
            TABLE.get(s).put(OrderTrigger.EXPIRE, c -> c.expiryExempt() ? Optional.empty() : Optional.of(EXPIRED));
        }
    }

    private OrderStateMachine() {
    }

    private static void on(OrderState from, OrderTrigger trigger, OrderState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(OrderTrigger.class)).put(trigger, c -> Optional.of(to));
    }

    /**
     * The state {@code trigger} leads to.
     *
     * @throws IllegalTransitionException where the table has no such move for this state and actor
     */
    public static OrderState next(OrderState from, OrderTrigger trigger, Actor actor, Context context) {
        if (!trigger.allows(actor)) {
            throw new IllegalTransitionException(from, trigger, allowed(from, actor, context));
        }
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(trigger))
                .flatMap(rule -> rule.apply(context))
                .orElseThrow(() -> new IllegalTransitionException(from, trigger, allowed(from, actor, context)));
    }

    /** The triggers {@code actor} may pull in {@code state}: what a front-end offers as next actions. */
    public static Set<OrderTrigger> allowed(OrderState state, Actor actor, Context context) {
        Set<OrderTrigger> out = EnumSet.noneOf(OrderTrigger.class);
        TABLE.getOrDefault(state, Map.of()).forEach((trigger, rule) -> {
            if (trigger.allows(actor) && rule.apply(context).isPresent()) {
                out.add(trigger);
            }
        });
        return out;
    }

    /** A move the table does not have; carries the current state and what is allowed instead. */
    public static final class IllegalTransitionException extends RuntimeException {

        private final OrderState state;
        private final Set<OrderTrigger> allowed;

        public IllegalTransitionException(OrderState state, OrderTrigger trigger, Set<OrderTrigger> allowed) {
            super(trigger + " is not possible in state " + state);
            this.state = state;
            this.allowed = allowed;
        }

        public OrderState state() {
            return state;
        }

        public Set<OrderTrigger> allowed() {
            return allowed;
        }
    }
}
