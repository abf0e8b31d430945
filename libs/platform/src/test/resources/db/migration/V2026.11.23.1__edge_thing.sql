-- The test application's one table: what a refused request must never leave behind.
create table edge_thing (
    id         uuid primary key,
    account_id text   not null,
    name       text   not null,
    body       text   not null,
    version    bigint not null
);
