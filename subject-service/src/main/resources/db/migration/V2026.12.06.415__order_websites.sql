-- The websites this provider filed for each account, as the administration approved them: what a cancel-access or
-- deregister-website order may pick, and what a subject deregistration revokes. Kept from the approvals
-- (authority.approved) subject-service already receives; keyed by the website filing number.
create table approved_website (
    website_filing_number text primary key,
    id uuid not null,
    account_id text not null,
    subject_id uuid not null,
    name text not null,
    domains text not null,
    status text not null,
    approved_at timestamptz not null,
    closed_at timestamptz,
    closed_by_order uuid
);
create index approved_website_account on approved_website (account_id);

-- The approved websites a cancel-access or deregister-website order is about (JSON list of filing numbers).
alter table filing_order add column websites text;

-- A deregistered subject keeps its row (the account may file again) but not its number.
alter table subject add column deregistered_at timestamptz;
alter table subject add column deregistered_filing_number text;

-- Websites approved before this table existed, from the approvals kept on the orders (newest approval wins), then
-- closed by the cancellations and deregistrations approved since.
insert into approved_website (website_filing_number, id, account_id, subject_id, name, domains, status, approved_at)
select distinct on (w ->> 'websiteFilingNumber')
       w ->> 'websiteFilingNumber',
       coalesce((w ->> 'websiteId')::uuid, md5(w ->> 'websiteFilingNumber')::uuid),
       o.account_id, o.subject_id, coalesce(w ->> 'name', ''), coalesce(w -> 'domains', '[]'::jsonb)::text, 'ACTIVE',
       coalesce((o.approval::jsonb ->> 'approvedAt')::timestamptz, o.updated_at)
from filing_order o, jsonb_array_elements(coalesce(o.approval::jsonb -> 'websites', '[]'::jsonb)) w
where o.approval is not null and o.type in ('FIRST_FILING', 'NEW_WEBSITE', 'NEW_WEBSITE_SUBJECT_ELSEWHERE',
        'ACCESS_FILING', 'CHANGE')
  and w ->> 'websiteFilingNumber' is not null
order by w ->> 'websiteFilingNumber', o.updated_at desc;

update approved_website a set status = case o.type when 'CANCEL_ACCESS' then 'ACCESS_CANCELLED' else 'DEREGISTERED' end,
       closed_at = o.updated_at, closed_by_order = o.id
from filing_order o, jsonb_array_elements(coalesce(o.approval::jsonb -> 'websites', '[]'::jsonb)) w
where o.approval is not null and o.type in ('CANCEL_ACCESS', 'DEREGISTER_WEBSITE')
  and w ->> 'websiteFilingNumber' = a.website_filing_number and o.updated_at > a.approved_at;

update approved_website a set status = 'DEREGISTERED', closed_at = o.updated_at, closed_by_order = o.id
from filing_order o
where o.approval is not null and o.type = 'DEREGISTER_SUBJECT' and o.account_id = a.account_id
  and o.updated_at > a.approved_at;
