package cn.beian.subject;

import static cn.beian.contract.order.OrderState.*;
import static cn.beian.contract.order.OrderTrigger.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.OrderTrigger.Actor;
import cn.beian.subject.domain.OrderStateMachine;
import cn.beian.subject.domain.OrderStateMachine.Context;
import cn.beian.subject.domain.OrderStateMachine.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/domain.md §3.1, row by row, and the moves it does not have. */
class OrderStateMachineTest {

    private static final Context FIRST = new Context(FilingType.FIRST_FILING, false, false, false);

    @ParameterizedTest(name = "{0} --{1} by {2}--> {3}")
    @CsvSource({
            "DRAFT, SUBMIT, APPLICANT, INITIAL_REVIEW",
            "INITIAL_REVIEW, WITHDRAW, APPLICANT, DRAFT",
            "INITIAL_REVIEW, INITIAL_APPROVE, REVIEWER, AWAITING_PHOTO",
            "INITIAL_REVIEW, INITIAL_REJECT, REVIEWER, INITIAL_REJECTED",
            "INITIAL_REJECTED, RESUBMIT, APPLICANT, INITIAL_REVIEW",
            "AWAITING_PHOTO, PHOTO_SUBMIT, APPLICANT, PHOTO_REVIEW",
            "AWAITING_PHOTO, PHOTO_SUBMIT, VERIFICATION_POINT, PHOTO_REVIEW",
            "PHOTO_REVIEW, PHOTO_APPROVE, REVIEWER, AUTHORITY_REVIEW",
            "PHOTO_REVIEW, PHOTO_REJECT, REVIEWER, PHOTO_REJECTED",
            "PHOTO_REJECTED, PHOTO_SUBMIT, APPLICANT, PHOTO_REVIEW",
            "AUTHORITY_REVIEW, SMS_VERIFIED, PRINCIPAL, AUTHORITY_REVIEW",
            "AUTHORITY_REVIEW, AUTHORITY_APPROVE, AUTHORITY, APPROVED",
            "AUTHORITY_REVIEW, AUTHORITY_REJECT, AUTHORITY, AUTHORITY_REJECTED",
            "AUTHORITY_REJECTED, RESUBMIT, APPLICANT, INITIAL_REVIEW",
            "INITIAL_REJECTED, EXPIRE, CLOCK, EXPIRED",
            "AWAITING_PHOTO, EXPIRE, CLOCK, EXPIRED",
            "PHOTO_REJECTED, EXPIRE, CLOCK, EXPIRED",
            "AUTHORITY_REJECTED, EXPIRE, CLOCK, EXPIRED",
            "EXPIRED, RESUBMIT, APPLICANT, INITIAL_REVIEW",
    })
    void everyRowOfTheContract(OrderState from, OrderTrigger trigger, Actor actor, OrderState to) {
        assertEquals(to, OrderStateMachine.next(from, trigger, actor, FIRST));
    }

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = {"DRAFT", "INITIAL_REVIEW", "INITIAL_REJECTED", "AWAITING_PHOTO",
            "PHOTO_REVIEW", "PHOTO_REJECTED", "AUTHORITY_REJECTED", "EXPIRED"})
    void abandonIsAllowedBeforeTheAuthority(OrderState from) {
        assertEquals(ABANDONED, OrderStateMachine.next(from, ABANDON, Actor.APPLICANT, FIRST));
    }

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = {"AUTHORITY_REVIEW", "APPROVED", "ABANDONED"})
    void nothingTheApplicantDoesMovesALockedOrTerminalOrder(OrderState from) {
        for (OrderTrigger t : EnumSet.of(ABANDON, WITHDRAW, SUBMIT, RESUBMIT)) {
            assertThrows(IllegalTransitionException.class,
                    () -> OrderStateMachine.next(from, t, Actor.APPLICANT, FIRST));
        }
    }

    @Test
    void ordersWithoutPhotoGoFromInitialReviewToTheAuthority() {
        for (FilingType type : EnumSet.of(FilingType.ACCESS_FILING, FilingType.CANCEL_ACCESS,
                FilingType.DEREGISTER_WEBSITE, FilingType.DEREGISTER_SUBJECT)) {
            assertEquals(AUTHORITY_REVIEW, OrderStateMachine.next(INITIAL_REVIEW, INITIAL_APPROVE, Actor.REVIEWER,
                    new Context(type, false, false, false)), type.name());
        }
    }

    @Test
    void aReReviewWhosePhotoStillHoldsSkipsThePhoto() {
        assertEquals(AUTHORITY_REVIEW, OrderStateMachine.next(INITIAL_REVIEW, INITIAL_APPROVE, Actor.REVIEWER,
                new Context(FilingType.FIRST_FILING, true, true, false)));
        assertEquals(AWAITING_PHOTO, OrderStateMachine.next(INITIAL_REVIEW, INITIAL_APPROVE, Actor.REVIEWER,
                new Context(FilingType.FIRST_FILING, true, false, false)));
    }

    @Test
    void zhejiangOrdersNeverExpire() {
        Context zhejiang = new Context(FilingType.FIRST_FILING, false, false, true);
        assertThrows(IllegalTransitionException.class,
                () -> OrderStateMachine.next(AWAITING_PHOTO, EXPIRE, Actor.CLOCK, zhejiang));
        assertTrue(!OrderStateMachine.allowed(AWAITING_PHOTO, Actor.CLOCK, zhejiang).contains(EXPIRE));
    }

    @Test
    void theActorMatters() {
        assertThrows(IllegalTransitionException.class,
                () -> OrderStateMachine.next(INITIAL_REVIEW, INITIAL_APPROVE, Actor.APPLICANT, FIRST));
        assertThrows(IllegalTransitionException.class,
                () -> OrderStateMachine.next(AUTHORITY_REVIEW, AUTHORITY_APPROVE, Actor.REVIEWER, FIRST));
        assertThrows(IllegalTransitionException.class,
                () -> OrderStateMachine.next(DRAFT, EXPIRE, Actor.CLOCK, FIRST));
    }

    @Test
    void aRefusalNamesTheStateAndWhatIsAllowed() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> OrderStateMachine.next(INITIAL_REJECTED, WITHDRAW, Actor.APPLICANT, FIRST));
        assertEquals(INITIAL_REJECTED, e.state());
        assertEquals(Set.of(RESUBMIT, ABANDON), e.allowed());
    }

    @Test
    void theStatesSayWhoseMoveItIsAndWhatMayChange() {
        assertTrue(DRAFT.contentsEditable() && !DRAFT.expires());
        assertTrue(AWAITING_PHOTO.photoEditable() && !AWAITING_PHOTO.contentsEditable());
        assertTrue(AUTHORITY_REVIEW.lockedWithAuthority() && !AUTHORITY_REVIEW.contentsEditable());
        assertTrue(EXPIRED.inFlight() && !APPROVED.inFlight() && !ABANDONED.inFlight());
    }
}
