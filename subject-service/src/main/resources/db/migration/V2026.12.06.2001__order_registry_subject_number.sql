-- The subject's number in the administration's registry when it was filed at another provider (an access filing, a
-- new website with the subject filed elsewhere): read from the registry when the order is opened and sent with its
-- submissions. The subject row itself holds a number only once a filing here is approved.
alter table filing_order add column registry_subject_number text;
