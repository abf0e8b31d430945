-- What website-service knows of each order from subject-service's events (docs/domain.md §3.2 editability, the subject).
create table order_projection (
    order_id               uuid primary key,
    account_id             text        not null,
    subject_id             text,
    type                   text        not null,
    province               text        not null,
    nature                 text,
    state                  text        not null,
    initial_review_passed  boolean     not null default false,
    -- order.subject-outlined as JSON (full certificate numbers: registrant matching needs them; never logged)
    subject                text,
    subject_revision       bigint      not null default 0,
    -- the version of the order's websites: +1 on every change
    websites_version       bigint      not null default 0,
    -- the version last announced as ready (null: not ready, or announced as no longer ready)
    ready_version          bigint,
    frozen_version         bigint,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index order_projection_account on order_projection (account_id, created_at);

-- The websites of an order; content is the JSON of WebsiteContent.
create table website (
    id                     uuid primary key,
    order_id               uuid        not null references order_projection (order_id),
    account_id             text        not null,
    position               int         not null,
    content                text        not null,
    -- the approved website this one edits (change, cancel access, deregister website orders)
    filed_website_id       uuid,
    website_filing_number  text,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
create index website_order on website (order_id, position);

-- Every version of an order's websites with the findings judged on it: the snapshot frozen at submission is exactly
-- the version subject-service names (docs/architecture.md → Submission).
create table websites_version (
    order_id    uuid        not null references order_projection (order_id),
    version     bigint      not null,
    websites    text        not null,
    findings    text        not null,
    complete    boolean     not null,
    frozen_at   timestamptz,
    created_at  timestamptz not null,
    primary key (order_id, version)
);

-- Approved websites (numbers from authority.approved): the account's filed websites, the public filing query.
create table filed_website (
    id                     uuid primary key,
    account_id             text        not null,
    order_id               uuid        not null,
    subject_name           text        not null,
    subject_nature         text        not null,
    subject_filing_number  text,
    website_filing_number  text        not null unique,
    name                   text        not null,
    content                text        not null,
    status                 text        not null,
    approved_at            timestamptz not null,
    police_filing_number   text,
    police_recorded_at     timestamptz,
    version                bigint      not null
);
create index filed_website_account on filed_website (account_id);

-- Domains of filed websites: as filed (ASCII) and their registrable domain (public query, conflicts).
create table filed_domain (
    domain            text not null,
    registrable       text not null,
    filed_website_id  uuid not null references filed_website (id),
    primary key (domain, filed_website_id)
);
create index filed_domain_registrable on filed_domain (registrable);

-- Registrable domains of the websites in orders (conflicts between accounts' orders here).
create table website_domain (
    website_id   uuid not null references website (id) on delete cascade,
    order_id     uuid not null,
    account_id   text not null,
    registrable  text not null,
    primary key (website_id, registrable)
);
create index website_domain_registrable on website_domain (registrable);

-- Domain registry answers last fetched from the national systems (re-judging an order on a subject change needs them).
create table domain_registry (
    domain      text primary key,
    found       boolean     not null,
    data        text,
    filing      text,
    fetched_at  timestamptz not null
);
