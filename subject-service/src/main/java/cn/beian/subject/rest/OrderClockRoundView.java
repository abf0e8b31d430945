package cn.beian.subject.rest;

import cn.beian.subject.service.OrderClockJob;

/** What a round of the order clock did: orders handled, milestones announced, orders expired, orders that failed. */
public record OrderClockRoundView(int orders, int milestones, int expired, int failed) {

    static OrderClockRoundView of(OrderClockJob.Round r) {
        return new OrderClockRoundView(r.orders(), r.milestones(), r.expired(), r.failed());
    }
}
