-- The last day the subject principal's certificate is valid (有效期至), optional.
alter table subject add column principal_certificate_valid_until date;

-- Checks of approved subjects (SubjectChecksJob): one open finding per subject and kind, raised once
-- (subject.check-finding-raised), resolved when the subject no longer shows it (a change filing recorded a new
-- validity, or the subject lost its number).
create table subject_finding (
    id           uuid primary key,
    subject_id   uuid        not null references subject (id),
    account_id   text        not null,
    kind         text        not null,
    field_key    text        not null,
    valid_until  date,
    raised_at    timestamptz not null,
    resolved_at  timestamptz
);
create unique index subject_finding_open on subject_finding (subject_id, kind) where resolved_at is null;
create index subject_finding_subject on subject_finding (subject_id, raised_at);
create index subject_certificate_valid_until on subject (principal_certificate_valid_until)
    where filing_number is not null;
