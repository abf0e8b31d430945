-- The subject filing number the administration issued on the subject's first approval (never the password).
alter table subject add column filing_number text;
alter table subject add column approved_at timestamptz;
create unique index subject_filing_number on subject (filing_number) where filing_number is not null;
