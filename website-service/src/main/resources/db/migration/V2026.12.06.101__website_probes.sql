-- Probes of filed websites (WebsiteProbeJob). Each active filed website carries the moment its next probe is due; a
-- replica claims due rows with "for update skip locked" and pushes the moment past its lease, so two replicas never
-- probe one site in the same round. Existing filings get a turn spread over the first day.
alter table filed_website add column probe_due_at timestamptz;
update filed_website set probe_due_at = approved_at + (abs(hashtext(id::text)) % 86400) * interval '1 second'
    where status = 'ACTIVE';
create index filed_website_probe_due on filed_website (probe_due_at) where status = 'ACTIVE';

-- What the last probe of each domain found (the rules' facts on a subject's existing sites).
create table probe_result (
    filed_website_id  uuid        not null references filed_website (id),
    domain            text        not null,
    probed_at         timestamptz not null,
    url               text,
    reachable         boolean     not null,
    shows_number      boolean     not null,
    links_to_miit     boolean     not null,
    problem           text,
    primary key (filed_website_id, domain)
);

-- Findings: one open row per website and kind (first seen, last seen), resolved when a probe no longer finds it.
create table probe_finding (
    id                uuid primary key,
    filed_website_id  uuid        not null references filed_website (id),
    kind              text        not null,
    domain            text,
    detail            text        not null,
    first_seen_at     timestamptz not null,
    last_seen_at      timestamptz not null,
    resolved_at       timestamptz
);
create unique index probe_finding_open on probe_finding (filed_website_id, kind) where resolved_at is null;
create index probe_finding_website on probe_finding (filed_website_id, first_seen_at);
create index probe_finding_open_since on probe_finding (first_seen_at) where resolved_at is null;
