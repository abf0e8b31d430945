-- One vocabulary in every service (docs/conventions.md): an order's state and the moment it entered it, state_since.
-- Renames keep the data, the indexes (filing_order_idle) and order_milestone's primary key.
alter table filing_order rename column state_entered_at to state_since;
alter table order_milestone rename column state_entered_at to state_since;
