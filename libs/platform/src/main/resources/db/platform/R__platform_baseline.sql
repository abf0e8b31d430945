-- The table the benchmark baseline endpoint (BaselineResource) inserts into; nothing reads it.
create table if not exists platform_baseline (
    id         uuid primary key,
    created_at timestamptz not null default now()
);
