-- The reviewer's checklist (libs/rules' ReviewChecklist for the case's order): one answer per case and item, the
-- latest one; every answer is also a line of the audit trail, so the history of changed answers is kept there.
create table checklist_answer (
    id          bigserial primary key,
    case_id     uuid        not null references review_case (id),
    item_id     text        not null,
    outcome     text        not null check (outcome in ('TICKED', 'FAILED')),
    reason      varchar(500),
    answered_by text        not null,
    answered_at timestamptz not null,
    -- A failed item always says why (the service checks it first and names the field; this is the backstop).
    constraint checklist_answer_failed_has_reason check (outcome <> 'FAILED' or (reason is not null and reason <> '')),
    constraint checklist_answer_one_per_item unique (case_id, item_id)
);

-- Four-eyes: an approval over a blocking finding or a failed checklist item waits for a second, different reviewer.
-- Who asked for it and when; null while nobody has. The case stays OPEN meanwhile.
alter table review_case add column approval_requested_by text;
alter table review_case add column approval_requested_at timestamptz;
