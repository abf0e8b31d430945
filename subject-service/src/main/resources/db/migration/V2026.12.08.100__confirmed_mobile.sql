-- Mobile numbers each account confirmed by an SMS code (notification-service's mobile.confirmed.v1): the number only
-- as its key (Phones.mobileKey), the newest confirmation's time. An order's principal mobile that is not here, or
-- was confirmed longer ago than beian.mobile-confirmation.validity, is the finding MOBILE_UNCONFIRMED.
create table confirmed_mobile (
    account_id   text not null,
    mobile_key   text not null,
    confirmed_at timestamptz not null,
    primary key (account_id, mobile_key)
);
