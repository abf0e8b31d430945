create table received_event (
    id           uuid primary key,
    event_id     text        not null unique,
    event_type   text        not null,
    source       text        not null,
    aggregate_id text        not null,
    order_id     text,
    sequence     bigint      not null,
    known        boolean     not null,
    occurred_at  timestamptz,
    received_at  timestamptz not null
);
create index received_event_arrival on received_event (received_at, id);
create index received_event_aggregate on received_event (aggregate_id);
