-- Whether the expected reply date (expected_reply_by) rests on the provisional working-day calendar of a year whose
-- State Council holiday notice is not loaded yet (暂定), as supervision's events say; it may still move when the
-- notice comes (DeadlineRecomputed).
alter table complaint
    add column expected_reply_provisional boolean not null default false;
