-- A stored snapshot wakes the submit round only when a queued submission of its order may be waiting for it: most
-- snapshots arrive long before their order reaches the administration, and each wake-up is a round of statements.
-- Row-level, to see the order; the pending submissions are few (authority_submission_pending's rows).
create or replace function order_snapshot_notify() returns trigger language plpgsql as $$
begin
    if exists (select 1 from authority_submission where status = 'PENDING' and order_id = new.order_id) then
        perform pg_notify('beian_authority_submission', '');
    end if;
    return null;
end
$$;

drop trigger order_snapshot_notify on order_snapshot;
create trigger order_snapshot_notify after insert on order_snapshot
    for each row execute function order_snapshot_notify();
