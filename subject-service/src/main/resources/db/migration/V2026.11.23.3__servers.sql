-- Servers from the provider's inventory (registered by admins; in production fed from the inventory) and the
-- authorization codes (备案授权码) their owners mint so that other accounts can file against them (docs/domain.md §1).
create table server (
    id               uuid primary key,
    account_id       text        not null,
    instance_id      text        not null unique,
    province         text        not null,
    region           text,
    public_ip        text,
    billing          text        not null,
    purchased_months integer,
    load_balancer    boolean     not null,
    expires_at       timestamptz not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index server_account_created on server (account_id, created_at, id);
create index server_created on server (created_at, id);

create table authorization_code (
    id                 uuid primary key,
    server_id          uuid        not null references server (id),
    code               text        not null unique,
    state              text        not null,
    order_id           uuid,
    order_account_id   text,
    created_at         timestamptz not null,
    reserved_at        timestamptz,
    spent_at           timestamptz,
    released_at        timestamptz,
    revoked_at         timestamptz,
    updated_at         timestamptz not null,
    version            bigint      not null
);
create index authorization_code_server on authorization_code (server_id, created_at, id);
create index authorization_code_order on authorization_code (order_id) where order_id is not null;
