-- Each address's messages leave in the order they were written. The sequence numbers rows in the order the
-- consumer wrote them (one order's events arrive in order on one partition, so its messages are numbered in event
-- order); a row is sent only when no earlier row to the same address on the same channel is still waiting.
alter table delivery add column seq bigserial;
create unique index delivery_seq on delivery (seq);
drop index delivery_due;
create index delivery_pending on delivery (seq) where status in ('QUEUED', 'DEFERRED', 'SENDING');
create index delivery_address_queue on delivery (channel, address, seq)
    where status in ('QUEUED', 'DEFERRED', 'SENDING');
