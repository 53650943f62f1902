-- 协办: each co-handling unit's part of the reply, submitted before the lead unit replies (one per co-unit, replaced
-- while the lead has not replied; cleared when the case goes to another lead).
create table co_unit_part (
    case_number  varchar(20)   not null references work_item (case_number),
    unit_code    varchar(20)   not null,
    text         varchar(4000) not null,
    submitted_by varchar(100)  not null,
    submitted_at timestamptz   not null,
    primary key (case_number, unit_code)
);
