-- A business table for the tests: a note about a case, written in the same transaction as its event.
create table case_note (
    case_number varchar(100) primary key,
    text        varchar(1000) not null
);
