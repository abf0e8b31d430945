-- Idempotency-Key (docs/api-conventions.md → Retries): the first answer to a POST with a key, per account, replayed for
-- a retry with the same key. status is null while the first request is still running.
create table idempotency_record (
    account_id   text        not null,
    idem_key     text        not null,
    method       text        not null,
    path         text        not null,
    status       integer,
    content_type text,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz not null default now(),
    primary key (account_id, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
