-- What a CHANGE order changes (SUBJECT, WEBSITE, ACCESS), from order.created; null for other types and for change
-- orders opened before changes had a kind.
alter table order_projection add column change_kind varchar(16);
-- A CHANGE order's websites at this version against the approved ones: each field that differs, before -> after
-- (the contract's FieldChange list as JSON); null for other types.
alter table websites_version add column changes text;
