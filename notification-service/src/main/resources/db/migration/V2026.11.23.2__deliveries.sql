-- Who to reach about an order, learnt from events (no other service's database is read).
create table subject_contact (
    subject_id       varchar(64) primary key,
    account_id       varchar(128) not null,
    principal_name   varchar(200),
    principal_mobile varchar(32),
    principal_email  varchar(320),
    updated_at       timestamptz not null
);

create table order_contact (
    order_id         varchar(64) primary key,
    account_id       varchar(128),
    subject_id       varchar(64),
    filing_type      varchar(40),
    province         varchar(40),
    account_email    varchar(320),
    principal_name   varchar(200),
    principal_mobile varchar(32),
    principal_email  varchar(320),
    updated_at       timestamptz not null
);

create table website_contact (
    order_id         varchar(64) not null,
    website_id       varchar(64) not null,
    website_name     varchar(200),
    domain           varchar(253),
    principal_name   varchar(200),
    principal_mobile varchar(32),
    principal_email  varchar(320),
    primary key (order_id, website_id)
);

-- One message to one recipient on one channel. The unique key makes "once per (event, recipient, channel)" a
-- fact the database enforces: rows are written in the consumer's transaction, sent after commit by the dispatcher.
create table delivery (
    id                uuid primary key,
    event_id          varchar(200) not null,
    event_type        varchar(100) not null,
    kind              varchar(60)  not null,
    account_id        varchar(128),
    order_id          varchar(64),
    website_id        varchar(64),
    channel           varchar(10)  not null,
    recipient_role    varchar(30)  not null,
    recipient_key     varchar(340) not null,
    address           varchar(320),
    locale            varchar(10)  not null,
    subject           varchar(300),
    body              text         not null,
    sms_template_code varchar(60),
    sms_params        text,
    urgent            boolean      not null,
    status            varchar(20)  not null,
    status_reason     varchar(500),
    attempts          int          not null default 0,
    next_attempt_at   timestamptz,
    lease_until       timestamptz,
    event_at          timestamptz,
    created_at        timestamptz  not null,
    handed_at         timestamptz,
    sent_at           timestamptz,
    updated_at        timestamptz  not null,
    provider_id       varchar(200),
    constraint delivery_once unique (event_id, recipient_key, channel)
);
create index delivery_due on delivery (next_attempt_at) where status in ('QUEUED', 'DEFERRED', 'SENDING');
create index delivery_by_account on delivery (account_id, created_at);
create index delivery_by_order on delivery (order_id, created_at);
create index delivery_sms_rate on delivery (address, handed_at) where channel = 'SMS';

-- Police-filing (公安备案) reminders of an approved website, until its police number is recorded or the window ends.
create table police_reminder (
    order_id              varchar(64) not null,
    website_id            varchar(64) not null,
    account_id            varchar(128),
    website_name          varchar(200),
    website_filing_number varchar(60),
    approved_at           timestamptz not null,
    next_due_at           timestamptz,
    sent_count            int not null default 0,
    stopped_at            timestamptz,
    stop_reason           varchar(40),
    primary key (order_id, website_id)
);
create index police_reminder_due on police_reminder (next_due_at) where stopped_at is null;
