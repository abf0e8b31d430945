-- A cancel-access order the provider opened itself (an empty shell past its grace, confirmed by staff) needs no
-- materials from the applicant: the provider acts on the records it already holds.
alter table material_order add column provider_initiated boolean not null default false;
