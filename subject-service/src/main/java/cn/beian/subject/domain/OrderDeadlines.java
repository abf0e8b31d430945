package cn.beian.subject.domain;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.OrderState;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import java.time.OffsetDateTime;

/**
 * The dates a front-end shows next to an order (docs/domain.md §3), on the business calendar: the provider's review
 * is due 1 business day after it began; the administration decides in about 20 business days (Zhejiang 30).
 */
public final class OrderDeadlines {

    /** Provider reviews (initial, photo, re-review): within 1 business day. */
    public static final int REVIEW_BUSINESS_DAYS = 1;
    /** The administration's review, and Zhejiang's longer one. */
    public static final int AUTHORITY_BUSINESS_DAYS = 20;
    public static final int AUTHORITY_BUSINESS_DAYS_ZHEJIANG = 30;

    private OrderDeadlines() {
    }

    /** When the provider's review of the current step is due, or {@code null} outside provider review. */
    public static OffsetDateTime reviewDueAt(FilingOrder o, BusinessCalendar calendar) {
        if (o.state != OrderState.INITIAL_REVIEW && o.state != OrderState.PHOTO_REVIEW) {
            return null;
        }
        return plus(o.stateSince, REVIEW_BUSINESS_DAYS, calendar);
    }

    /** When the administration is expected to decide, or {@code null} outside authority review. */
    public static OffsetDateTime authorityEta(FilingOrder o, BusinessCalendar calendar) {
        if (o.state != OrderState.AUTHORITY_REVIEW) {
            return null;
        }
        int days = o.province == Province.ZHEJIANG ? AUTHORITY_BUSINESS_DAYS_ZHEJIANG : AUTHORITY_BUSINESS_DAYS;
        return plus(o.stateSince, days, calendar);
    }

    private static OffsetDateTime plus(OffsetDateTime start, int days, BusinessCalendar calendar) {
        return calendar.plusBusinessDays(start.atZoneSameInstant(BeianClock.CHINA), days).toOffsetDateTime();
    }
}
