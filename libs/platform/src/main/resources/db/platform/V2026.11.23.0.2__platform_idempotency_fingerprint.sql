-- Idempotency-Key bound to its request (IETF draft-ietf-httpapi-idempotency-key-header): the SHA-256 of method, path,
-- query and the SHA-256 of the body bytes. The same key with another fingerprint is a 422, not a replay. Rows written
-- before this column existed have none and replay as before until they expire (24 h).
alter table idempotency_record add column fingerprint text;
