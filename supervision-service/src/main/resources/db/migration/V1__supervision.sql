-- The State Council holiday calendar, one row per listed day: off_day true = holiday, false = make-up working day (调休).
create table calendar_year (
    year      integer      primary key,
    loaded_at timestamptz  not null,
    source    varchar(200) not null
);

create table calendar_day (
    day     date         primary key,
    year    integer      not null references calendar_year (year),
    off_day boolean      not null,
    name    varchar(100) not null
);

-- A dispatched case as the lead unit's work item, with its clocks.
create table work_item (
    case_number            varchar(20)  primary key,
    lead_unit              varchar(20)  not null,
    lead_name              varchar(100) not null,
    co_units               varchar(500) not null default '',
    type                   varchar(20)  not null,
    urgent                 boolean      not null,
    channel                varchar(20)  not null,
    category               varchar(50)  not null,
    district               varchar(10)  not null,
    status                 varchar(30)  not null,
    assigned_at            timestamptz  not null,
    sign_for_deadline      timestamptz  not null,
    first_contact_deadline timestamptz  not null,
    return_deadline        timestamptz  not null,
    handling_deadline      timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0
);
create index work_item_lead on work_item (lead_unit, status);
