-- What the public Open311 façade may show of a case, learnt from routing's events:
-- routing_decided_at: when routing dispatched the case (CaseRouted) or queued it for manual dispatch
--   (ManualDispatchQueued); public lists show only cases whose routing outcome is known, so that a complaint about
--   officials is never listed in the moment before routing recognises it.
-- public_withheld: the case was routed to, or proposed for, the discipline commission (纪委监委), or flagged as
--   possible misconduct; it is never shown publicly again, whoever handles it later.
alter table complaint
    add column routing_decided_at timestamptz,
    add column public_withheld boolean not null default false;

-- Open311 cases stored before: decided when their timeline shows a routing step; withheld when assigned to the
-- discipline commission or when they ever waited for manual dispatch (its reason was not recorded before).
update complaint c
set routing_decided_at = steps.first_at,
    public_withheld    = coalesce(c.assigned_unit_code = 'JW', false) or steps.manual
from (select case_number,
             min(occurred_at)                                  as first_at,
             bool_or(step = 'ManualDispatchQueued')            as manual
      from timeline_entry
      where step in ('CaseRouted', 'ManualDispatchQueued')
      group by case_number) steps
where steps.case_number = c.case_number
  and c.channel = 'OPEN311';

-- Get Service Requests: Open311 cases by received time, newest first
create index complaint_open311_received on complaint (received_at desc, case_number desc) where channel = 'OPEN311';
