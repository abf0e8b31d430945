-- Wakes the order streams' reader (cn.beian.subject.service.OrderStream) in every replica when a move commits.
-- PostgreSQL delivers the notification at commit and folds a transaction's identical ones into one; the reader's
-- poll stays as the net.
create or replace function order_transition_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('beian_order_transition', '');
    return null;
end
$$;

create trigger order_transition_notify after insert on order_transition
    for each statement execute function order_transition_notify();
