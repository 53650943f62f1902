-- 线索台账 (clue ledger): clues for discipline inspection, raised automatically for inaction signals or by hand,
-- each closed out (销号) with a finding. Automatic clues carry a dedupe key so that a signal seen twice (a replayed
-- event, a second instance) raises one clue.
create table clue (
    id                  varchar(36)  primary key,
    case_number         varchar(20)  not null,
    unit_code           varchar(20)  not null,
    unit_name           varchar(100) not null,
    kind                varchar(40)  not null,
    description         varchar(2000) not null,
    related_case_number varchar(20),
    state               varchar(20)  not null,
    raised_by           varchar(100) not null,
    raised_at           timestamptz  not null,
    dedupe_key          varchar(200) unique,
    finding             varchar(2000),
    closed_by           varchar(100),
    closed_at           timestamptz,
    version             bigint       not null default 0
);
create index clue_state_raised on clue (state, raised_at);
create index clue_unit on clue (unit_code, raised_at);
create index clue_case on clue (case_number);

-- 双随机 (random sampling): a draw of N closed cases per unit for a period, reproducible from its recorded seed.
create table sample_draw (
    id         varchar(36) primary key,
    period     varchar(10) not null,
    per_unit   integer     not null,
    seed       bigint      not null,
    drawn_by   varchar(100) not null,
    drawn_at   timestamptz not null
);
create table sample_case (
    draw_id     varchar(36) not null references sample_draw (id),
    case_number varchar(20) not null,
    unit_code   varchar(20) not null,
    primary key (draw_id, case_number)
);

-- closed cases by close-out time, for the draw
create index work_item_closed on work_item (closed_at) where status = 'CLOSED';
