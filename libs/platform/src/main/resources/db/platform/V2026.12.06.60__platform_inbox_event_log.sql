-- inbox_event is also the operators' log of what a service consumed (/api/v1/admin/applied-events): whether this
-- build knew the event's type (unknown types are recorded and skipped), and a path to one aggregate's events in
-- the order they were applied.
alter table inbox_event add column known boolean not null default true;
create index inbox_event_by_aggregate on inbox_event (aggregate_id, processed_at, event_id);
