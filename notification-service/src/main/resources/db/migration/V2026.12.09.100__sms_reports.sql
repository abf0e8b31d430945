-- The SMS provider's delivery reports (SmsReportJob): each SMS's report as the provider gave it.
alter table delivery add column provider_status varchar(20);
alter table delivery add column provider_error varchar(60);
alter table delivery add column provider_reported_at timestamptz;
-- A mobile's latest reported SMS, per account (the undeliverable rule reads the last N).
create index delivery_sms_reported on delivery (account_id, address, seq) where channel = 'SMS' and provider_status is not null;

-- Where the reading of the provider's report log stands: one row per provider, locked by the replica that reads
-- (for update skip locked), so that replicas never read the same reports at once.
create table sms_report_cursor (
    provider   varchar(40) primary key,
    position   varchar(200),
    updated_at timestamptz not null
);

-- The mobiles announced undeliverable (mobile.undeliverable.v1), per account, only as their key: a row is the
-- "announced once" fact, deleted when an SMS to the number is delivered again (which may announce it anew later).
create table undeliverable_mobile (
    account_id  text not null,
    mobile_key  text not null,
    error_code  varchar(60) not null,
    detected_at timestamptz not null,
    primary key (account_id, mobile_key)
);
