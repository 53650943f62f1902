-- Rates count only decided cases (issue 19). An assignment's sign-for outcome is decided when it is signed, when its
-- sign-for deadline passes unsigned (the escalation sweep finds it), or when the case leaves the unit unsigned; its
-- response outcome (signed and contacted within limit) when the first contact is recorded, when the first-contact
-- deadline passes without it, or when the case leaves the unit. Each is counted once per assignment, on the day of
-- the assignment, like assigned and signed_on_time.
alter table work_item add column sign_decided boolean not null default false;
alter table work_item add column response_decided boolean not null default false;
update work_item set sign_decided = true where signed_at is not null or sign_for_deadline < now();
update work_item set response_decided = true where first_contact_at is not null or first_contact_deadline < now();
create index work_item_sign_undecided on work_item (sign_for_deadline) where not sign_decided;
create index work_item_response_undecided on work_item (first_contact_deadline) where not response_decided;

-- The district (属地) dimension of the dashboard's filter; '-' where unknown (rows recorded before this migration).
alter table metric_daily add column sign_decided bigint not null default 0;
alter table metric_daily add column response_decided bigint not null default 0;
alter table metric_daily add column district varchar(10) not null default '-';
alter table metric_daily drop constraint metric_daily_pkey;
alter table metric_daily add primary key (day, unit, channel, category, type, district);
create index metric_daily_district on metric_daily (district, day);
alter table metric_unit_daily add column sign_decided bigint not null default 0;
alter table metric_unit_daily add column response_decided bigint not null default 0;

-- Backfill: every assignment counted so far is decided except the current assignments whose window is still open
-- (an assignment no longer current left its unit, which decides it). decided = assigned - still open.
update metric_daily set sign_decided = assigned, response_decided = assigned where assigned > 0;
update metric_daily m set sign_decided = greatest(0, m.assigned - p.open)
from (select (assigned_at at time zone 'Asia/Shanghai')::date as day, lead_unit, channel, category, type,
             count(*) as open
      from work_item where not sign_decided group by 1, 2, 3, 4, 5) p
where m.day = p.day and m.unit = p.lead_unit and m.channel = p.channel and m.category = p.category
  and m.type = p.type and m.district = '-';
update metric_daily m set response_decided = greatest(0, m.assigned - p.open)
from (select (assigned_at at time zone 'Asia/Shanghai')::date as day, lead_unit, channel, category, type,
             count(*) as open
      from work_item where not response_decided group by 1, 2, 3, 4, 5) p
where m.day = p.day and m.unit = p.lead_unit and m.channel = p.channel and m.category = p.category
  and m.type = p.type and m.district = '-';
update metric_unit_daily u set sign_decided = s.sign_decided, response_decided = s.response_decided
from (select day, unit, sum(sign_decided) as sign_decided, sum(response_decided) as response_decided
      from metric_daily group by day, unit) s
where u.day = s.day and u.unit = s.unit;
