-- What review-service knows of each order, from subject-service's events (no other service's database is read).
create table review_order (
    order_id          text primary key,
    account_id        text        not null,
    type              text        not null,
    province          text        not null,
    state             text,
    -- the current submission (1 = first, +1 per resubmission) and the versions it named
    submission_no     int         not null default 0,
    websites_version  bigint,
    materials_version bigint,
    submitted_at      timestamptz,
    updated_at        timestamptz not null
);

-- The frozen snapshots as published: part SUBJECT (version = submissionCount), WEBSITES, MATERIALS.
create table order_snapshot (
    order_id    text        not null,
    part        text        not null,
    version     bigint      not null,
    payload     text        not null,
    received_at timestamptz not null,
    primary key (order_id, part, version)
);

-- One review of one submission: ASSEMBLING (snapshots still arriving, not claimable), OPEN, APPROVED, REJECTED,
-- CANCELLED (withdrawn or abandoned). version changes on every claim, release and opening.
create table review_case (
    id                uuid primary key,
    order_id          text        not null,
    kind              text        not null,
    submission_no     int         not null,
    websites_version  bigint,
    materials_version bigint,
    status            text        not null,
    version           int         not null,
    opened_at         timestamptz not null,
    due_at            timestamptz not null,
    claimed_by        text,
    lease_until       timestamptz,
    decided_by        text,
    decided_at        timestamptz,
    reasons           text
);
create index review_case_queue on review_case (opened_at, id) where status = 'OPEN';
create index review_case_order on review_case (order_id);
create unique index review_case_one_live_per_order on review_case (order_id) where status in ('ASSEMBLING', 'OPEN');

-- Reviewers' internal notes (never shown to applicants).
create table case_note (
    id        bigserial primary key,
    case_id   uuid        not null references review_case (id),
    author_id text        not null,
    text      text        not null,
    at        timestamptz not null
);

-- The audit trail: who opened, claimed, released, decided, noted, submitted, recorded — when, at which version.
create table audit_entry (
    id            bigserial primary key,
    order_id      text        not null,
    case_id       uuid,
    submission_id text,
    action        text        not null,
    actor_id      text,
    case_version  int,
    detail        text,
    at            timestamptz not null
);
create index audit_entry_case on audit_entry (case_id, id);
create index audit_entry_order on audit_entry (order_id, id);

-- Rejections as the applicant reads them (reviewers' and the administration's).
create table rejection (
    id            bigserial primary key,
    order_id      text        not null,
    source        text        not null,
    kind          text        not null,
    case_id       uuid,
    submission_id text,
    reasons       text        not null,
    at            timestamptz not null
);
create index rejection_order on rejection (order_id, id);

-- Submissions to the administration: PENDING (to send), SUBMITTED, REFUSED (the administration refused the
-- snapshot), APPROVED, REJECTED, RETURNED.
create table authority_submission (
    submission_id text primary key,
    order_id      text        not null,
    submission_no int         not null,
    websites_version bigint,
    status        text        not null,
    sms_status    text,
    attempts      int         not null default 0,
    last_error    text,
    created_at    timestamptz not null,
    submitted_at  timestamptz,
    decided_at    timestamptz,
    decided_by    text
);
create index authority_submission_pending on authority_submission (created_at) where status = 'PENDING';

-- The feed cursor: advanced in the same transaction as the events its entries produce.
create table feed_cursor (
    id         int primary key,
    position   bigint      not null,
    updated_at timestamptz not null
);
insert into feed_cursor (id, position, updated_at) values (1, 0, now());

-- Feed entries that could not be applied (also sent to beian.review.authority-feed.dlq).
create table feed_dead_letter (
    position      bigint primary key,
    submission_id text,
    entry_type    text,
    reason        text        not null,
    entry         text        not null,
    at            timestamptz not null
);
