-- Near-duplicate keys (并单) are looked up in memory (RepeatIndex) instead of a key table: the table's 32 b-tree
-- insertions and 32 range scans per complaint were PostgreSQL's largest cost under load. Each case keeps its keys
-- (32 of 8 bytes, big-endian) so that an index is built at start without cutting every text into bigrams again;
-- the cases stored before this migration have none, and the index computes theirs from their text.
drop table complaint_repeat_key;
drop index complaint_unkeyed_district;
alter table complaint drop column repeat_keyed;
alter table complaint add column repeat_keys bytea;
