\set ON_ERROR_STOP on
begin;
delete from case_complaint where case_number like 'TS20990101%';
delete from co_unit_part where case_number like 'TS20990101%';
delete from work_item where case_number like 'TS20990101%';
commit;
