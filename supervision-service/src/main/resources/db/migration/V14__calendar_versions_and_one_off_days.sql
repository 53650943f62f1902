-- Working-day calendar (issue 24): every change of a year's calendar is a version, with who and when.
-- calendar_year.notice: false for a year that has only one-off days and no State Council notice yet (provisional).
alter table calendar_year add column version integer not null default 1;
alter table calendar_year add column notice boolean not null default true;

-- the notice reference (文号) and date of a one-off day (临时调整); null for the days of a yearly notice
alter table calendar_day add column reference varchar(200);
alter table calendar_day add column notice_date date;

-- kind: NOTICE (a yearly notice loaded), ONE_OFF (a single off day or make-up working day added), WITHDRAWN (the
-- year's notice removed: the year is provisional again). days: the year's listed days as of this version (JSON array
-- of {date, offDay, name}), so that any version can be read back.
create table calendar_version (
    year        integer      not null,
    version     integer      not null,
    kind        varchar(20)  not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    source      varchar(200) not null,
    reference   varchar(200),
    notice_date date,
    day         date,
    off_day     boolean,
    name        varchar(100),
    days        text         not null,
    primary key (year, version)
);

insert into calendar_version (year, version, kind, created_at, created_by, source, days)
select y.year, 1, 'NOTICE', y.loaded_at,
       case when y.source like 'admin:%' then substr(y.source, 7) else 'system' end,
       y.source,
       coalesce((select json_agg(json_build_object('date', d.day, 'offDay', d.off_day, 'name', d.name) order by d.day)::text
                 from calendar_day d where d.year = y.year), '[]')
from calendar_year y;
