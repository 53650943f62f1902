-- 退单申请、延期、回访、重办、办结
alter table work_item add column dispatch_count integer not null default 1;
alter table work_item add column designated boolean not null default false;
alter table work_item add column return_requested_at timestamptz;
alter table work_item add column extension_state varchar(20) not null default 'NONE';
alter table work_item add column extension_days integer;
alter table work_item add column extension_reason varchar(1000);
alter table work_item add column extension_basis varchar(1000);
alter table work_item add column original_handling_deadline timestamptz;
alter table work_item add column reopen_count integer not null default 0;
alter table work_item add column rating varchar(30);
alter table work_item add column solved boolean;
alter table work_item add column followed_up_at timestamptz;
alter table work_item add column followed_up_by varchar(20);
alter table work_item add column closed_at timestamptz;
alter table work_item add column closure varchar(30);
create index work_item_open_handling on work_item (handling_deadline) where status in ('ASSIGNED', 'SIGNED');
create index work_item_follow_up_due on work_item (follow_up_deadline) where status = 'REPLIED';

-- Reminders and escalations issued, one row each: the unique key makes every sweep, on any instance, emit each once.
create table escalation (
    case_number varchar(20) not null,
    clock       varchar(20) not null,
    level       varchar(20) not null,
    deadline    timestamptz not null,
    issued_at   timestamptz not null,
    primary key (case_number, clock, level, deadline)
);
