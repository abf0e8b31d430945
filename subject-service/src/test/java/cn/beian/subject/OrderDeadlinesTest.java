package cn.beian.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.OrderState;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.OrderDeadlines;
import cn.beian.time.BusinessCalendar;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OrderDeadlinesTest {

    private final BusinessCalendar calendar = BusinessCalendar.china();

    private static FilingOrder order(OrderState state, Province province, String enteredAt) {
        FilingOrder o = new FilingOrder();
        o.state = state;
        o.province = province;
        o.stateSince = OffsetDateTime.parse(enteredAt);
        return o;
    }

    @Test
    void aReviewStartedOnFridayEveningIsDueOnMondayEvening() {
        FilingOrder o = order(OrderState.INITIAL_REVIEW, Province.BEIJING, "2026-11-20T18:00:00+08:00");
        assertEquals(OffsetDateTime.parse("2026-11-23T18:00:00+08:00"), OrderDeadlines.reviewDueAt(o, calendar));
        assertNull(OrderDeadlines.authorityEta(o, calendar));
    }

    @Test
    void theAuthorityTakesTwentyBusinessDaysAndZhejiangThirty() {
        FilingOrder beijing = order(OrderState.AUTHORITY_REVIEW, Province.BEIJING, "2026-09-28T09:00:00+08:00");
        assertEquals(OffsetDateTime.parse("2026-10-30T09:00:00+08:00"), OrderDeadlines.authorityEta(beijing, calendar));
        FilingOrder zhejiang = order(OrderState.AUTHORITY_REVIEW, Province.ZHEJIANG, "2026-09-28T09:00:00+08:00");
        assertEquals(OffsetDateTime.parse("2026-11-13T09:00:00+08:00"), OrderDeadlines.authorityEta(zhejiang, calendar));
        assertNull(OrderDeadlines.reviewDueAt(zhejiang, calendar));
    }

    @Test
    void nothingIsDueWhileTheApplicantHasTheMove() {
        FilingOrder o = order(OrderState.DRAFT, Province.BEIJING, "2026-11-20T18:00:00+08:00");
        assertNull(OrderDeadlines.reviewDueAt(o, calendar));
        assertNull(OrderDeadlines.authorityEta(o, calendar));
    }
}
