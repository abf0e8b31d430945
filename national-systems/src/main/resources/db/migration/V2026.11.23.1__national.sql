-- The national registry: subjects, websites and domains filed at this provider or at others.
create table registry_subject (
    id                           uuid primary key,
    subject_filing_number        varchar(40)  not null unique,
    status                       varchar(20)  not null,
    nature                       varchar(40)  not null,
    name                         varchar(100) not null,
    province                     varchar(20)  not null,
    certificate_type             varchar(40)  not null,
    certificate_number           varchar(40)  not null,
    provider                     varchar(40)  not null,
    principal_name               varchar(50)  not null,
    principal_certificate_type   varchar(40),
    principal_certificate_number varchar(40),
    principal_mobile             varchar(20)  not null,
    principal_email              varchar(100),
    -- pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>; never the password itself
    password_hash                varchar(200),
    password_failures            int          not null default 0,
    password_locked_until        timestamptz,
    last_website_sequence        int          not null default 0,
    filed_on                     date         not null,
    updated_at                   timestamptz  not null,
    version                      bigint       not null default 0
);
create index registry_subject_certificate on registry_subject (certificate_number);

create table registry_website (
    id                    uuid primary key,
    subject_id            uuid         not null references registry_subject (id),
    website_filing_number varchar(44)  not null unique,
    name                  varchar(100) not null,
    status                varchar(20)  not null,
    provider              varchar(40),
    principal_name        varchar(50),
    principal_mobile      varchar(20),
    filed_on              date         not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0
);
create index registry_website_subject on registry_website (subject_id);

create table registry_domain (
    id         uuid primary key,
    website_id uuid         not null references registry_website (id) on delete cascade,
    domain     varchar(253) not null,
    unique (website_id, domain)
);
create index registry_domain_domain on registry_domain (domain);

-- Submissions other providers have open (seeded or added through the admin API): subjects and domains in flight.
create table in_flight_elsewhere (
    id                 uuid primary key,
    provider           varchar(40) not null,
    certificate_type   varchar(40),
    certificate_number varchar(40),
    domain             varchar(253),
    since              timestamptz not null
);
create index in_flight_elsewhere_certificate on in_flight_elsewhere (certificate_number);
create index in_flight_elsewhere_domain on in_flight_elsewhere (domain);

-- The domain registries' real-name data (WHOIS).
create table domain_registration (
    domain                        varchar(253) primary key,
    registrar                     varchar(100) not null,
    registrant_name               varchar(100) not null,
    registrant_certificate_type   varchar(40),
    registrant_certificate_number varchar(40),
    real_name_verified            boolean      not null,
    real_name_verified_at         timestamptz,
    registered_on                 date         not null,
    expires_on                    date         not null,
    registered_abroad             boolean      not null default false,
    updated_at                    timestamptz  not null,
    version                       bigint       not null default 0
);

-- Submissions from this provider: the snapshot as received and where it stands.
create table submission (
    id                          varchar(64) primary key,
    type                        varchar(40)  not null,
    province                    varchar(20)  not null,
    status                      varchar(20)  not null,
    body_hash                   varchar(64)  not null,
    snapshot                    text         not null,
    subject_certificate_type    varchar(40)  not null,
    subject_certificate_number  varchar(40)  not null,
    received_at                 timestamptz  not null,
    sms_deadline                timestamptz,
    sms_wrong_codes             int          not null default 0,
    review_due_at               timestamptz,
    decided_at                  timestamptz,
    outcome                     text,
    reasons                     text,
    updated_at                  timestamptz  not null,
    version                     bigint       not null default 0
);
create index submission_open_sms on submission (sms_deadline) where status = 'SMS_VERIFICATION';
create index submission_open_review on submission (review_due_at) where status = 'UNDER_REVIEW';
create index submission_certificate on submission (subject_certificate_number) where status in ('SMS_VERIFICATION', 'UNDER_REVIEW');

create table submission_domain (
    id            uuid primary key,
    submission_id varchar(64)  not null references submission (id),
    domain        varchar(253) not null,
    unique (submission_id, domain)
);
create index submission_domain_domain on submission_domain (domain);

-- One SMS code per distinct principal mobile of a submission; only a hash of the code is kept.
create table sms_challenge (
    id            uuid primary key,
    submission_id varchar(64) not null references submission (id),
    mobile        varchar(20) not null,
    roles         varchar(60) not null,
    code_hash     varchar(64) not null,
    created_at    timestamptz not null,
    verified_at   timestamptz,
    unique (submission_id, mobile)
);
create index sms_challenge_mobile on sms_challenge (mobile) where verified_at is null;

-- The outcome feed: every change of every submission, in commit order of its position.
create table feed_entry (
    position      bigserial primary key,
    submission_id varchar(64) not null,
    type          varchar(40) not null,
    occurred_at   timestamptz not null,
    payload       text        not null
);

-- SMS and e-mails the stand-in sends itself (codes, filing passwords), written with the change that causes them and
-- delivered after commit, retried until sent. Secret bodies are wiped once sent.
create table outgoing_message (
    id              uuid primary key,
    channel         varchar(10)  not null,
    recipient       varchar(100) not null,
    subject         varchar(200),
    body            text,
    template_code   varchar(60),
    template_param  text,
    secret          boolean      not null default false,
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null default now(),
    attempts        int          not null default 0,
    sent_at         timestamptz,
    last_error      varchar(500)
);
create index outgoing_message_pending on outgoing_message (next_attempt_at) where sent_at is null;
