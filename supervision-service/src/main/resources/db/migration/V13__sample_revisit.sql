-- 回访复核: the re-visit result of each case drawn by 双随机, recorded once by an inspector or supervisor.
create table sample_revisit (
    draw_id     varchar(36)   not null,
    case_number varchar(20)   not null,
    outcome     varchar(20)   not null,
    note        varchar(2000),
    recorded_by varchar(100)  not null,
    recorded_at timestamptz   not null,
    primary key (draw_id, case_number),
    foreign key (draw_id, case_number) references sample_case (draw_id, case_number)
);

-- the inaction analytics count clues per unit, kind and month
create index clue_raised_kind on clue (raised_at, unit_code, kind);
