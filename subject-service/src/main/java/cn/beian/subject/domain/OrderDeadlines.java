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

    /** Where an {@link Eta} comes from. */
    public enum Basis {
        /** The administration holds the order: from the day it received it. */
        AUTHORITY,
        /** Before that: from now, through the provider reviews still ahead, as if the applicant moved at once. */
        FORECAST
    }

    /** When the administration is expected to decide, and on what that rests. */
    public record Eta(OffsetDateTime at, Basis basis) {
    }

    /**
     * When the administration is expected to decide: while it holds the order, its 20 business days (Zhejiang 30)
     * from when it received it; before, a forecast by province and type from {@code now}: one business day for each
     * provider review still ahead (the initial review, and the photo review where the type needs a photo not yet
     * approved), then the administration's days. {@code null} once the order is approved, abandoned or expired.
     */
    public static Eta authorityEta(FilingOrder o, OffsetDateTime now, BusinessCalendar calendar) {
        int days = o.province == Province.ZHEJIANG ? AUTHORITY_BUSINESS_DAYS_ZHEJIANG : AUTHORITY_BUSINESS_DAYS;
        if (o.state == OrderState.AUTHORITY_REVIEW) {
            return new Eta(plus(o.stateSince, days, calendar), Basis.AUTHORITY);
        }
        if (o.state.terminal() || o.state == OrderState.EXPIRED) {
            return null;
        }
        boolean photoAhead = o.type != null && o.type.needsPhoto() && !o.photoApproved;
        int reviews = switch (o.state) {
            case AWAITING_PHOTO, PHOTO_REVIEW, PHOTO_REJECTED -> REVIEW_BUSINESS_DAYS;
            default -> REVIEW_BUSINESS_DAYS + (photoAhead ? REVIEW_BUSINESS_DAYS : 0);
        };
        return new Eta(plus(now, reviews + days, calendar), Basis.FORECAST);
    }

    private static OffsetDateTime plus(OffsetDateTime start, int days, BusinessCalendar calendar) {
        return calendar.plusBusinessDays(start.atZoneSameInstant(BeianClock.CHINA), days).toOffsetDateTime();
    }
}
