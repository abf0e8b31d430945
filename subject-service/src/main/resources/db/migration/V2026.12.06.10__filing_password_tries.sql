-- Beian's own count of filing-password tries (issue 17 §4), kept before the administration is asked so that no
-- account, nor all strangers together, can spend the tries the administration allows the subject's owner.
-- One guard row per subject as the administration knows it (certificate type and number): every try row-locks it,
-- so counting and recording a try is atomic across replicas. The password itself is in no table.
create table filing_password_guard (
    subject_key          text primary key,
    -- The account whose subject here holds the filing number, or that proved the password here first.
    owner_account_id     text,
    -- What the administration said last: its count of wrong tries (max - remainingAttempts) and its lock.
    admin_failures       int         not null default 0,
    admin_locked_until   timestamptz,
    -- The last "someone else tried your filing password" notice (at most one per notice interval).
    last_notice_at       timestamptz,
    updated_at           timestamptz not null
);

-- One row per try. PENDING while the administration is asked (counted as wrong, so parallel tries cannot slip
-- past the limit), then WRONG, MATCH, LOCKED (the administration refused to check) or FAILED (not reached).
create table filing_password_try (
    id           uuid primary key,
    subject_key  text        not null references filing_password_guard (subject_key),
    account_id   text        not null,
    owner        boolean     not null,
    outcome      text        not null,
    tried_at     timestamptz not null
);
create index filing_password_try_window on filing_password_try (subject_key, tried_at);
