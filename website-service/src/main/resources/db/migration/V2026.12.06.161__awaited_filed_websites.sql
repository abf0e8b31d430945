-- The filing numbers a removing order picked before this service had recorded their approval (OrderProjection
-- .awaitedFilingNumbers); they join the order when the approval arrives. Only the few waiting orders are indexed.
alter table order_projection add column awaited_filing_numbers text;
create index order_projection_awaited on order_projection (account_id) where awaited_filing_numbers is not null;
