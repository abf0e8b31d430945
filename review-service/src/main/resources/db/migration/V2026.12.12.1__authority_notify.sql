-- Wakes the authority gateway's submit round at commit (cn.beian.review.service.SubmissionSender listens): a
-- submission queued, or a snapshot stored that a queued submission may be waiting for. PostgreSQL delivers the
-- notification when the transaction commits and folds a transaction's identical ones into one; the sender's poll
-- stays as the net.
create or replace function authority_submission_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('beian_authority_submission', '');
    return null;
end
$$;

create trigger authority_submission_notify after insert on authority_submission
    for each statement execute function authority_submission_notify();
create trigger order_snapshot_notify after insert on order_snapshot
    for each statement execute function authority_submission_notify();
