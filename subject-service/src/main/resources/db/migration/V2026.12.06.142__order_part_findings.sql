-- The latest findings website- and materials-service announced for an order's parts (PartReady.findings, as JSON),
-- with the part version they were judged at: an older version never replaces a newer one.
alter table filing_order add column websites_findings text;
alter table filing_order add column websites_findings_version bigint;
alter table filing_order add column materials_findings text;
alter table filing_order add column materials_findings_version bigint;
