-- Near-duplicate keys (并单) no longer name a 30-day period: each key row carries its case's received time and the
-- index is (key, received_at), so a new complaint looks up its 32 keys each as one b-tree range over its window
-- instead of 32 keys for each of the two or three periods the window spans (64-96 descents).
-- Every key changes, so the old ones go and every case is unkeyed again; RepeatKeyBackfill keys the cases within the
-- repeat window anew within a minute of the start (until then they are compared the way unkeyed cases are).
truncate complaint_repeat_key;
alter table complaint_repeat_key add column received_at timestamptz not null;
drop index complaint_repeat_key_key_id;
create index complaint_repeat_key_key_time on complaint_repeat_key (key, received_at) include (complaint_id);
update complaint set repeat_keyed = false where repeat_keyed;
