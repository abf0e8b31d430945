-- One vocabulary (docs/conventions.md): the newest complete version of an order's websites is websites_ready_version.
alter table order_projection rename column ready_version to websites_ready_version;
