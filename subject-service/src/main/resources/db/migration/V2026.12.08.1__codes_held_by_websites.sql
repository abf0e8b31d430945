-- An authorization code named by a website of an order (resolved when the website is saved) rather than when the
-- order was created: the websites' later edits may free it again.
alter table authorization_code add column held_by_websites boolean not null default false;
