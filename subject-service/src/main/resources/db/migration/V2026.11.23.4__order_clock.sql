-- The order clock (docs/domain.md §3 "Validity"): one row per reminder milestone reached, per order and state entry.
-- Written in the same transaction as its order.idle-milestone-reached.v1 outbox event; the unique key makes a
-- milestone happen once however many replicas run the clock and however often they restart.
create table order_milestone (
    order_id         uuid        not null references filing_order (id),
    state            text        not null,
    state_entered_at timestamptz not null,
    days             integer     not null,
    reached_at       timestamptz not null,
    primary key (order_id, state_entered_at, days)
);

-- What the clock scans for: orders in a state that idles towards expiry, oldest first.
create index filing_order_idle on filing_order (state_entered_at)
    where state in ('INITIAL_REJECTED', 'AWAITING_PHOTO', 'PHOTO_REJECTED', 'AUTHORITY_REJECTED');
