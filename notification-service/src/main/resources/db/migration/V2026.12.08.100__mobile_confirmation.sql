-- The codes that confirm an applicant's mobile numbers (issue 15): one row per code sent. The code itself is never
-- stored, only a hash of it with the row's id; the mobile only as its key (Phones.mobileKey) and masked.
create table mobile_confirmation (
    id            uuid primary key,
    account_id    text not null,
    mobile_key    text not null,
    mobile_masked text not null,
    code_hash     text not null,
    attempts      integer not null default 0,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    confirmed_at  timestamptz
);
-- The limits count the codes sent per mobile and per account within a window.
create index mobile_confirmation_mobile on mobile_confirmation (mobile_key, created_at);
create index mobile_confirmation_account on mobile_confirmation (account_id, created_at);
