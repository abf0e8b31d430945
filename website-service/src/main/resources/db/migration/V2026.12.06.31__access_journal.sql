-- The events the access policy is folded from (docs/architecture.md → The access policy), kept here for good: a
-- replica starting after the topics' retention has dropped them rebuilds its memory from this journal first, then
-- from the topics. Written by the shared consumer group, in the transaction that applies the event; per producer and
-- aggregate in sequence order.
create table access_journal (
    id           bigserial primary key,
    source       text        not null,
    aggregate_id text        not null,
    sequence     bigint      not null,
    event_type   text        not null,
    data         text        not null,
    recorded_at  timestamptz not null,
    unique (source, aggregate_id, sequence)
);
