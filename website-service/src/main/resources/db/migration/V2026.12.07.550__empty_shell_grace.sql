-- An empty shell still open past its grace period is announced once (website.empty-shell-past-grace): when, so that a
-- later probe does not announce it again.
alter table probe_finding add column grace_announced_at timestamptz;
