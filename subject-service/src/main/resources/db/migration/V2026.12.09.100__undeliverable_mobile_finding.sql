-- The finding MOBILE_UNDELIVERABLE (notification-service's mobile.undeliverable.v1): the principal's mobile no longer
-- receives SMS. The finding keeps the mobile's key (Phones.mobileKey, never the number), so that it is resolved when the
-- principal's mobile changes or the account confirms that mobile again.
alter table subject_finding add column mobile_key text;
create index subject_finding_open_mobile on subject_finding (account_id, mobile_key)
    where resolved_at is null and mobile_key is not null;
