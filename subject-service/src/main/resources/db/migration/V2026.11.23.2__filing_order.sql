create table filing_order (
    id                       uuid primary key,
    account_id               text        not null,
    subject_id               uuid        not null references subject (id),
    type                     text        not null,
    state                    text        not null,
    province                 text        not null,
    rereview                 boolean     not null default false,
    photo_approved           boolean     not null default false,
    websites_ready_version   bigint,
    materials_ready_version  bigint,
    state_entered_at         timestamptz not null,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    version                  bigint      not null
);
-- One order in flight per account, enforced by the database as well as by the service.
create unique index filing_order_one_in_flight on filing_order (account_id) where state not in ('APPROVED', 'ABANDONED');
create index filing_order_created on filing_order (created_at, id);

-- Every move of an order: who, when, why.
create table order_transition (
    id          bigserial primary key,
    order_id    uuid        not null references filing_order (id),
    from_state  text,
    to_state    text        not null,
    trigger     text        not null,
    actor       text        not null,
    actor_id    text,
    reasons     text,
    at          timestamptz not null
);
create index order_transition_order on order_transition (order_id, id);
