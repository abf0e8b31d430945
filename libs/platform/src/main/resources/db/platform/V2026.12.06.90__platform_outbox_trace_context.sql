-- The W3C trace context (traceparent, tracestate) of the transaction that wrote an outbox row: the relay sends it as
-- Kafka headers, so the consumers' work continues that trace. Null for rows written outside a trace.
alter table outbox_event add column trace_parent text;
alter table outbox_event add column trace_state text;
