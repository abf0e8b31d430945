-- 法定代表人 of a unit subject, where the applicant gave one: the province rules compare the principals with it.
alter table subject add column legal_person_name text;
alter table subject add column legal_person_certificate_type text;
alter table subject add column legal_person_certificate_number text;
