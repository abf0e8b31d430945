-- What a CHANGE order changes (SUBJECT, WEBSITE, ACCESS), given when it is opened; null for other types and for
-- change orders opened before changes had a kind.
alter table filing_order add column change_kind varchar(16);
-- For a CHANGE order: how many fields of its websites differ from the approved ones, at the websites version last
-- announced (website.order-readiness-changed); null until announced and for other types.
alter table filing_order add column websites_changes integer;
