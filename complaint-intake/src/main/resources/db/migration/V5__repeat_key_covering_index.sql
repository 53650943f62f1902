-- The batch's near-duplicate lookup reads only (key, complaint_id): with the id in the index the scan need not visit
-- the table for rows that the visibility map marks all-visible (an index-only scan).
create index complaint_repeat_key_key_id on complaint_repeat_key (key) include (complaint_id);
drop index complaint_repeat_key_key;
