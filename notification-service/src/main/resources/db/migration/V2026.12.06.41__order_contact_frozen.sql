-- Whether the order's submission snapshot (subject.snapshot-frozen: the account e-mail and the principal) has been
-- applied. Review and authority outcomes come after a submission, on another topic: until the snapshot is here their
-- notices wait (the event is parked) instead of being logged UNDELIVERABLE for want of the account's address.
-- Orders known before this column existed keep being served as before.
alter table order_contact add column frozen boolean not null default false;
update order_contact set frozen = true;
