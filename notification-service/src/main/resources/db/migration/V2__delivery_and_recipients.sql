-- Delivery pipeline (issue 6): intent is recorded first (PENDING), a dispatcher claims due rows with
-- "for update skip locked", sends, then marks DELIVERED, FAILED (retry at next_attempt_at) or DEAD.
-- SKIPPED: the recipient has no address on that channel (e.g. a complainant without an email); nothing was sent.
alter table notification add column urgent          boolean      not null default false;
alter table notification add column attempts        integer      not null default 0;
alter table notification add column next_attempt_at timestamptz;
alter table notification add column last_error      varchar(1000);
update notification set next_attempt_at = created_at where status in ('PENDING', 'FAILED');
create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'FAILED');
create index notification_dead on notification (status) where status = 'DEAD';

-- Who receives what: staff looked up by unit and role, with their contact points (staff data, not complainants').
create table recipient (
    username     varchar(100) primary key,
    display_name varchar(200) not null,
    unit_code    varchar(20),
    role         varchar(50)  not null,
    email        varchar(200),
    mobile       varchar(20),
    active       boolean      not null default true
);
create index recipient_unit_role on recipient (unit_code, role);
create index recipient_role on recipient (role);

-- the demo users of the local realm (local development data; an admin edits it through /api/admin/recipients)
insert into recipient (username, display_name, unit_code, role, email) values
    ('handler-scjg', '市市场监管局承办人', 'SCJG', 'handler', 'handler-scjg@example.org'),
    ('handler-tax', '市税务局承办人', 'TAX', 'handler', 'handler-tax@example.org'),
    ('handler-rsj', '市人社局承办人', 'RSJ', 'handler', 'handler-rsj@example.org'),
    ('handler-d01', '东城区人民政府承办人', 'D01', 'handler', 'handler-d01@example.org'),
    ('supervisor1', '督办员', null, 'supervisor', 'supervisor1@example.org'),
    ('inspector1', '纪检监察员', 'JW', 'inspector', 'inspector1@example.org');

-- The complainant of each case as ComplaintSubmitted told it (opaque ref + masked mobile, never clear contact
-- points), so that later steps (routed, replied, reopened, closed) can be told to the same person.
create table case_complainant (
    case_number   varchar(20)  primary key,
    complainant   varchar(100) not null,
    masked_mobile varchar(20),
    urgent        boolean      not null default false
);
