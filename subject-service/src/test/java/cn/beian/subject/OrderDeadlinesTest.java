package cn.beian.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.OrderDeadlines;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OrderDeadlinesTest {

    private final BusinessCalendar calendar = BusinessCalendar.china();

    /** The test clock's now in Beijing time; every date below is derived from it. */
    private static final OffsetDateTime NOW = TestClock.now().atZoneSameInstant(BeianClock.CHINA).toOffsetDateTime();
    /** When an order entered its state: four days before now. */
    private static final OffsetDateTime ENTERED = NOW.minusDays(4);

    private static FilingOrder order(OrderState state, Province province, String enteredAt) {
        return order(state, province, OffsetDateTime.parse(enteredAt));
    }

    private static FilingOrder order(OrderState state, Province province, OffsetDateTime enteredAt) {
        FilingOrder o = new FilingOrder();
        o.type = FilingType.FIRST_FILING;
        o.state = state;
        o.province = province;
        o.stateSince = enteredAt;
        return o;
    }

    @Test
    void aReviewStartedOnFridayEveningIsDueOnMondayEvening() {
        FilingOrder o = order(OrderState.INITIAL_REVIEW, Province.BEIJING, "2026-11-20T18:00:00+08:00");
        assertEquals(OffsetDateTime.parse("2026-11-23T18:00:00+08:00"), OrderDeadlines.reviewDueAt(o, calendar));
    }

    @Test
    void theAuthorityTakesTwentyBusinessDaysAndZhejiangThirty() {
        OffsetDateTime received = NOW.minusDays(10);
        FilingOrder beijing = order(OrderState.AUTHORITY_REVIEW, Province.BEIJING, received);
        assertEquals(new OrderDeadlines.Eta(businessDays(received, 20), OrderDeadlines.Basis.AUTHORITY),
                OrderDeadlines.authorityEta(beijing, NOW, calendar), "counted from the receipt, not from now");
        FilingOrder zhejiang = order(OrderState.AUTHORITY_REVIEW, Province.ZHEJIANG, received);
        assertEquals(businessDays(received, 30), OrderDeadlines.authorityEta(zhejiang, NOW, calendar).at());
        assertNull(OrderDeadlines.reviewDueAt(zhejiang, calendar));
    }

    @Test
    void nothingIsDueWhileTheApplicantHasTheMove() {
        FilingOrder o = order(OrderState.DRAFT, Province.BEIJING, ENTERED);
        assertNull(OrderDeadlines.reviewDueAt(o, calendar));
    }

    /** Before the administration: from now, a business day per provider review ahead, then its 20 (Zhejiang 30). */
    @Test
    void theAuthorityEtaIsForecastFromTheStepsStillAhead() {
        FilingOrder draft = order(OrderState.DRAFT, Province.BEIJING, ENTERED);
        assertEquals(new OrderDeadlines.Eta(businessDays(22), OrderDeadlines.Basis.FORECAST),
                OrderDeadlines.authorityEta(draft, NOW, calendar), "initial and photo review, then 20");
        FilingOrder awaitingPhoto = order(OrderState.AWAITING_PHOTO, Province.ZHEJIANG, ENTERED);
        assertEquals(businessDays(31), OrderDeadlines.authorityEta(awaitingPhoto, NOW, calendar).at(), "photo, 30");
        FilingOrder cancel = order(OrderState.INITIAL_REVIEW, Province.BEIJING, ENTERED);
        cancel.type = FilingType.CANCEL_ACCESS;
        assertEquals(businessDays(21), OrderDeadlines.authorityEta(cancel, NOW, calendar).at(), "no photo to review");
        FilingOrder reReview = order(OrderState.AUTHORITY_REJECTED, Province.BEIJING, ENTERED);
        reReview.photoApproved = true;
        assertEquals(businessDays(21), OrderDeadlines.authorityEta(reReview, NOW, calendar).at(), "the photo holds");
        for (OrderState ended : new OrderState[] {OrderState.APPROVED, OrderState.ABANDONED, OrderState.EXPIRED}) {
            assertNull(OrderDeadlines.authorityEta(order(ended, Province.BEIJING, ENTERED), NOW,
                    calendar), ended.name());
        }
    }

    private OffsetDateTime businessDays(int days) {
        return businessDays(NOW, days);
    }

    private OffsetDateTime businessDays(OffsetDateTime from, int days) {
        return calendar.plusBusinessDays(from.atZoneSameInstant(BeianClock.CHINA), days).toOffsetDateTime();
    }
}
