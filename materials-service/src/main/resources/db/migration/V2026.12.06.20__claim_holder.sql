-- Who holds the order's live review claim (from review-service's events): the one reviewer who may read its files.
alter table material_order add column claimed_by varchar(128);
