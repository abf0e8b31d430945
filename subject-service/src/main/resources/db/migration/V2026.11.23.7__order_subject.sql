-- What an order files for the subject: the account's e-mail (for notifications), how often it was submitted (the
-- subject snapshot's version), and for CHANGE orders the draft revision of the approved subject that replaces it only on approval.
alter table filing_order
    add column account_email    text,
    add column submission_count integer not null default 0;

create table subject_revision (
    order_id   uuid primary key references filing_order (id),
    -- the revised subject as the applicant gave it (CreateSubjectRequest as JSON), validated like a new subject
    data       text        not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);
