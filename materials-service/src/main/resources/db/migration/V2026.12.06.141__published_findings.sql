-- The fingerprint of the findings last announced in material.order-readiness-changed: a new list of findings is
-- announced even while the materials stay incomplete (subject-service lists them in the order view).
alter table material_order add column published_findings varchar(64);
