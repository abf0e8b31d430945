-- Cancel-access (取消接入) orders the provider prepares for an empty shell past its grace period
-- (website.empty-shell-past-grace), one per finding, for staff to confirm or dismiss; withdrawn when the finding
-- resolves first (website.probe-finding-resolved).
create table prepared_order (
    id                    uuid primary key,
    finding_id            text        not null,
    filed_website_id      text        not null,
    account_id            text        not null,
    website_filing_number text        not null,
    website_name          text,
    domain                text,
    empty_since           timestamptz not null,
    grace_ends_at         timestamptz not null,
    state                 text        not null,
    prepared_at           timestamptz not null,
    decided_at            timestamptz,
    decided_by            text,
    order_id              uuid,
    version               bigint      not null default 0
);
create unique index prepared_order_finding on prepared_order (finding_id);
create index prepared_order_list on prepared_order (state, prepared_at, id);

-- Who opened an order: null for the applicant, PROVIDER for a confirmed prepared cancel-access order.
alter table filing_order add column initiated_by text;
