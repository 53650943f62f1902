-- The complaint as the handling units may read it (from ComplaintSubmitted: never a clear mobile or ID number;
-- no name and no mobile at all for a confidential complainant), for the handler's case page and queue.
create table case_complaint (
    case_number      varchar(20)  primary key,
    title            varchar(200),
    content          text         not null,
    channel          varchar(20)  not null,
    received_at      timestamptz  not null,
    complainant_kind varchar(20)  not null,
    display_name     varchar(200),
    masked_mobile    varchar(20),
    anonymous        boolean      not null,
    confidential     boolean      not null,
    contactable      boolean      not null,
    accused_unit     varchar(20),
    repeat_of        varchar(20)
);
create index case_complaint_repeat_of on case_complaint (repeat_of) where repeat_of is not null;

-- 内部备注: staff-only notes on a case; never shown to the complainant.
create table case_note (
    id          bigserial     primary key,
    case_number varchar(20)   not null,
    author      varchar(100)  not null,
    unit        varchar(20),
    text        varchar(2000) not null,
    created_at  timestamptz   not null
);
create index case_note_case on case_note (case_number, created_at);

-- 中止: the handling clock paused while waiting for the complainant or a third party.
alter table work_item add column suspended boolean not null default false;
alter table work_item add column suspended_at timestamptz;
create table case_suspension (
    id                  bigserial     primary key,
    case_number         varchar(20)   not null references work_item (case_number),
    state               varchar(20)   not null,
    reason              varchar(1000) not null,
    basis               varchar(1000) not null,
    working_days        integer       not null,
    requested_by        varchar(100)  not null,
    requested_at        timestamptz   not null,
    decided_by          varchar(100),
    decided_at          timestamptz,
    decision_reason     varchar(1000),
    started_at          timestamptz,
    resume_by           timestamptz,
    ended_at            timestamptz,
    ended_by            varchar(100),
    resume_note         varchar(1000),
    paused_working_days integer
);
create index case_suspension_case on case_suspension (case_number, requested_at);
create index case_suspension_due on case_suspension (resume_by) where state = 'ACTIVE';
create unique index case_suspension_one_pending on case_suspension (case_number) where state in ('REQUESTED', 'ACTIVE');

-- The queue pages: a unit's open cases by tab and deadline, and the co-units' cases.
create index work_item_lead_queue on work_item (lead_unit, status, handling_deadline);
create index work_item_lead_sign on work_item (lead_unit, sign_for_deadline) where status = 'ASSIGNED';
create index work_item_co_units on work_item using gin (string_to_array(co_units, ';')) where co_units <> '';

-- 答复模板: standard reply skeletons per category (null: any category), city-wide (unit null) or one unit's;
-- every edit is a new version, the earlier ones kept.
create table reply_template (
    id         bigserial     primary key,
    category   varchar(50),
    unit       varchar(20),
    title      varchar(100)  not null,
    body       varchar(4000) not null,
    version    integer       not null,
    active     boolean       not null,
    updated_by varchar(100)  not null,
    updated_at timestamptz   not null
);
create index reply_template_category on reply_template (category) where active;
create table reply_template_version (
    template_id bigint        not null references reply_template (id),
    version     integer       not null,
    title       varchar(100)  not null,
    body        varchar(4000) not null,
    active      boolean       not null,
    updated_by  varchar(100)  not null,
    updated_at  timestamptz   not null,
    primary key (template_id, version)
);
insert into reply_template (category, unit, title, body, version, active, updated_by, updated_at) values
 (null, null, '已解决', '您好！您反映的问题，我单位已于【日期】受理并核查。经核实，【核查情况】。我单位已【处理措施】，问题已解决。如有疑问，请联系【联系人及电话】。感谢您对营商环境工作的关注和支持！', 1, true, 'system', now()),
 (null, null, '解释说明', '您好！您反映的问题，我单位已核查。根据【政策依据】，【解释说明】。如仍有疑问，请联系【联系人及电话】。感谢您的理解和支持！', 1, true, 'system', now()),
 (null, null, '部分解决', '您好！您反映的问题，我单位已核查处理。其中【已解决部分】已解决；【未解决部分】因【原因】暂不能解决，我单位将【后续安排】，并于【时间】前告知进展。感谢您的理解和支持！', 1, true, 'system', now()),
 (null, null, '不予受理', '您好！您反映的问题，经核查不属于我单位职责范围（或已通过【法定途径】处理），依据【依据】不予受理，建议您【指引】。感谢您的理解！', 1, true, 'system', now());
insert into reply_template_version (template_id, version, title, body, active, updated_by, updated_at)
select id, version, title, body, active, updated_by, updated_at from reply_template;
