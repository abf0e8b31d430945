-- The platform's inbox_event already records every applied event (and whether its type was known); this service's
-- second copy of that log goes. Operators read /api/v1/admin/applied-events, as in every service.
drop table received_event;
