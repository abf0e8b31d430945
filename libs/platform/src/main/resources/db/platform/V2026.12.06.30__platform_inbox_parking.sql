-- Events that could not be applied, parked per (producer, aggregate) with every later event of that aggregate, in
-- sequence order, so that the partition goes on for every other aggregate (docs/architecture.md → Events).
create table inbox_parked (
    event_id      text primary key,
    source        text        not null,
    aggregate_id  text        not null,
    sequence      bigint      not null,
    event_type    text        not null,
    subject       text,
    order_id      text,
    event_time    timestamptz,
    -- the event's JSON data as received: it may carry personal data, so it is never listed, only replayed
    data          text        not null,
    reason        text        not null,
    attempts      int         not null default 0,
    parked_at     timestamptz not null,
    last_tried_at timestamptz
);
create index inbox_parked_aggregate on inbox_parked (source, aggregate_id, sequence);
