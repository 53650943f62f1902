-- 督办工作台: pending extension requests and dissatisfied follow-ups are few among many cases; find them by index.
create index work_item_extension_requested on work_item (case_number) where extension_state = 'REQUESTED';
create index work_item_dissatisfied on work_item (followed_up_at)
    where status = 'REPLIED' and followed_up_at is not null;
