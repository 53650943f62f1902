-- Incremental aggregates for the rates of domain.md: one row per day (Asia/Shanghai) × unit × channel × category ×
-- type, updated in the same transaction as the event or action that changes them. Metrics sum a range of days
-- instead of scanning cases. unit '-' = not yet dispatched; category '-' = not yet known.
create table metric_daily (
    day                date        not null,
    unit               varchar(20) not null,
    channel            varchar(20) not null,
    category           varchar(50) not null,
    type               varchar(20) not null,
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
    primary key (day, unit, channel, category, type)
);
create index metric_daily_unit on metric_daily (unit, day);

-- When each case was received (from ComplaintSubmitted), for the dispatch rate.
create table received_case (
    case_number varchar(20) primary key,
    received_at timestamptz not null,
    channel     varchar(20) not null,
    type        varchar(20) not null
);

alter table work_item add column due_counted boolean not null default false;
