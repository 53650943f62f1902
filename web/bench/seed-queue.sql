-- A unit with 10,000 open cases (SCJG), 20,000 of its closed ones, and 30,000 cases of other units, all with case
-- numbers TS2099…, so that the queue benchmark measures a realistic table. Removed by unseed-queue.sql.
\set ON_ERROR_STOP on
begin;
insert into work_item (case_number, lead_unit, lead_name, co_units, type, urgent, channel, category, district, status,
    assigned_at, sign_for_deadline, first_contact_deadline, return_deadline, handling_deadline, updated_at,
    signed_at, replied_at, reopen_count, dispatch_count, designated, extension_state, due_counted, version)
select 'TS20990101' || lpad(n::text, 6, '0'),
       case when n <= 30000 then 'SCJG' else (array['TAX', 'RSJ', 'ZWFW', 'D01', 'ZJJ', 'CZJ'])[1 + n % 6] end,
       '单位',
       case when n % 5 = 0 then 'ZWFW;TAX' when n % 7 = 0 and n > 30000 then 'SCJG' else '' end,
       (array['COMPLAINT', 'INQUIRY', 'HELP', 'SUGGESTION', 'REPORT'])[1 + n % 5],
       n % 50 = 0,
       (array['WEB', 'HOTLINE', 'LETTER', 'OPEN311', 'REFERRAL'])[1 + n % 5],
       (array['MARKET_ENTRY', 'TAX_RELIEF', 'CREDIT_REPAIR', 'PERMIT_DELAY', 'FEES'])[1 + n % 5],
       (array['D01', 'D02', 'D03'])[1 + n % 3],
       case when n > 10000 and n <= 30000 then (array['REPLIED', 'CLOSED'])[1 + n % 2]
            when n % 10 in (0, 1) then 'ASSIGNED'
            when n % 50 = 2 then 'RETURN_REQUESTED'
            else 'SIGNED' end,
       now() - (n % 40) * interval '1 day',
       now() + ((n % 9) - 4) * interval '1 day',
       now() + ((n % 9) - 3) * interval '1 day',
       now() + ((n % 9) - 4) * interval '1 day',
       now() + ((n % 30) - 8) * interval '1 day',
       now(),
       case when n % 10 in (0, 1) then null else now() - interval '2 day' end,
       case when n > 10000 and n <= 30000 then now() - interval '1 day' else null end,
       case when n % 97 = 0 then 1 else 0 end,
       1, false, 'NONE', false, 0
from generate_series(1, 60000) n;
insert into case_complaint (case_number, title, content, channel, received_at, complainant_kind, anonymous,
    confidential, contactable)
select case_number, '基准测试诉求 ' || case_number, '营业执照办理进度无人告知，多次询问未果。', channel, assigned_at,
       'PERSON', false, false, true
from work_item where case_number like 'TS20990101%';
commit;
analyze work_item;
analyze case_complaint;
