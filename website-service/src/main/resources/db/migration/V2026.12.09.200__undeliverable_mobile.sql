-- Mobiles of an account that no longer receive SMS (notification-service's mobile.undeliverable.v1): the number only
-- as its key (Phones.mobileKey), the provider's reason and when it was detected. A later mobile.confirmed.v1 of the
-- same account and key deletes the row (the number proved reachable again). A filed website whose own principal's
-- mobile is here is the probe finding MOBILE_UNDELIVERABLE.
create table undeliverable_mobile (
    account_id  text        not null,
    mobile_key  text        not null,
    error_code  text,
    detected_at timestamptz not null,
    primary key (account_id, mobile_key)
);
