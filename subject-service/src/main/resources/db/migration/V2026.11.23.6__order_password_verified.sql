-- When the national system confirmed the subject's filing password for this order (access filing, subject
-- deregistration). The password itself is never stored.
alter table filing_order add column filing_password_verified_at timestamptz;
