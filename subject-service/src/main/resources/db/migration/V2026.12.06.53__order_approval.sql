-- The numbers an order was approved with (the administration's authority.approved, as JSON), shown in the order view.
alter table filing_order add column approval text;
