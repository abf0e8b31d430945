-- Whether any producer's events of an aggregate are parked: checked with every event applied (Inbox's place query),
-- so that an event parked until another producer's facts arrived is drained the moment they do.
create index inbox_parked_by_aggregate on inbox_parked (aggregate_id);
