-- Tables every Beian service has: the transactional outbox and the idempotent-consumer inbox.

-- Events waiting to be (or already) published; written in the same transaction as the state change.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_type     text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    order_id       text,
    sequence       bigint      not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    published_at   timestamptz,
    unique (aggregate_id, sequence)
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Last sequence number handed out per aggregate (never reset, even when old outbox rows are purged).
create table outbox_sequence (
    aggregate_id  text primary key,
    last_sequence bigint not null
);

-- Events this service has applied, recorded in the same transaction as their effect.
create table inbox_event (
    event_id     text primary key,
    source       text        not null,
    event_type   text        not null,
    aggregate_id text        not null,
    sequence     bigint      not null,
    processed_at timestamptz not null
);

-- Last sequence applied per producer and aggregate: a replay is skipped, a gap is retried then dead-lettered.
create table inbox_sequence (
    source        text   not null,
    aggregate_id  text   not null,
    last_sequence bigint not null,
    primary key (source, aggregate_id)
);
