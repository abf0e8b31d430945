-- The trace context of the event that queued a delivery: its sending is a span of that trace (the order's).
alter table delivery add column trace_parent text;
alter table delivery add column trace_state text;
