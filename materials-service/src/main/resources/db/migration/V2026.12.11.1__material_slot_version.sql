-- Every upload reads its slot's last stored version (MaterialRepository.lastVersion: max(version) of the slot). With
-- the slot index alone PostgreSQL read every version the slot ever had, so each upload to a slot cost more than the
-- one before (0.38 ms mean at about a thousand versions, 43 % of materials' statement time in the upload benchmark).
-- With the version in the index the maximum is read from the index's end. The same leading columns serve every query
-- the slot index served, so it is replaced.
create index material_slot_version on material (order_id, kind, owner_ref, version);
drop index material_slot;
