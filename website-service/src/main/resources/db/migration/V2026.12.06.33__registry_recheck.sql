-- When the domain registry could not answer for one of an order's domains at its last judgement, the order carries
-- the moment to ask again (RegistryRecheckJob); null otherwise. Only the few waiting orders are indexed.
alter table order_projection add column registry_recheck_at timestamptz;
create index order_projection_registry_recheck on order_projection (registry_recheck_at)
    where registry_recheck_at is not null;
