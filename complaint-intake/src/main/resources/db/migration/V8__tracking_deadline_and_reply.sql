-- What public tracking shows of a case's handling, learnt from supervision's events: the lead unit's handling deadline
-- (WorkItemOpened, moved by ExtensionApproved and CaseReopened) and its latest written reply to the complainant
-- (CaseReplied: the unit's name, the result code, the text and when). Never the handler who wrote it.
alter table complaint
    add column expected_reply_by timestamptz,
    add column reply_unit_name   varchar(100),
    add column reply_result_code varchar(40),
    add column reply_text        varchar(10000),
    add column replied_at        timestamptz;
