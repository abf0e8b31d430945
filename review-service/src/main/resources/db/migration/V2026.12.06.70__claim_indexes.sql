-- The next claim looks among unclaimed open cases and among open cases whose lease lapsed, each through an index of
-- its own: the queue's index alone had every claim step over all the cases reviewers are holding.
create index review_case_unclaimed on review_case (opened_at, id) where status = 'OPEN' and claimed_by is null;
create index review_case_leased on review_case (lease_until) where status = 'OPEN' and claimed_by is not null;
