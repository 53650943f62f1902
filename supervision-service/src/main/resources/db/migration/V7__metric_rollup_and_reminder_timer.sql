-- Metrics: a rollup by day and unit only, for the requests that filter by nothing but period and unit (the overall
-- figures, a unit's figures, rankings and the monthly export): about 60 rows a day instead of one per
-- unit × channel × category × type. Requests filtering by channel, category or type read metric_daily through the
-- indexes below. Both tables are updated in the same transaction.
create table metric_unit_daily (
    day                date        not null,
    unit               varchar(20) not null,
    received           bigint      not null default 0,
    dispatched_on_time bigint      not null default 0,
    assigned           bigint      not null default 0,
    signed_on_time     bigint      not null default 0,
    responded_on_time  bigint      not null default 0,
    returns            bigint      not null default 0,
    improper_returns   bigint      not null default 0,
    due                bigint      not null default 0,
    completed_on_time  bigint      not null default 0,
    replied            bigint      not null default 0,
    closed             bigint      not null default 0,
    followed_up        bigint      not null default 0,
    rated              bigint      not null default 0,
    satisfied          bigint      not null default 0,
    solved             bigint      not null default 0,
    reopened           bigint      not null default 0,
    primary key (day, unit)
);
insert into metric_unit_daily
select day, unit, sum(received), sum(dispatched_on_time), sum(assigned), sum(signed_on_time), sum(responded_on_time),
       sum(returns), sum(improper_returns), sum(due), sum(completed_on_time), sum(replied), sum(closed),
       sum(followed_up), sum(rated), sum(satisfied), sum(solved), sum(reopened)
from metric_daily group by day, unit;
create index metric_daily_channel on metric_daily (channel, day);
create index metric_daily_category on metric_daily (category, day);
create index metric_daily_type on metric_daily (type, day);

-- Reminders: when the sweep must next look at an open case (the earliest 50/75/90 % point still ahead). Any change
-- of clocks (dispatch, extension, reopen, calendar) sets it to "now", so the sweep re-examines the case; the sweep
-- then reads only the cases whose time has come instead of every open case.
alter table work_item add column next_reminder_at timestamptz;
update work_item set next_reminder_at = assigned_at where status in ('ASSIGNED', 'SIGNED');
create index work_item_next_reminder on work_item (next_reminder_at) where status in ('ASSIGNED', 'SIGNED');
