-- Wakes the outbox relay at commit: every statement that inserts outbox rows notifies the channel the relay's
-- listener (cn.beian.platform.outbox.OutboxListener) waits on. PostgreSQL delivers notifications only when the
-- transaction commits, and folds identical ones of a transaction into one.
create or replace function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('beian_outbox', '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event for each statement execute function outbox_event_notify();
