-- Near-duplicate lookup (并单) by locality-sensitive keys (RepeatSketch): a new complaint is compared only with the
-- cases that share a key, found through a b-tree, instead of with the newest few hundred cases of its district.
create table complaint_repeat_key (
    key          bigint not null,
    complaint_id bigint not null
);
create index complaint_repeat_key_key on complaint_repeat_key (key);
-- cases accepted before the keys existed are still compared the old way until they fall out of the repeat window
alter table complaint add column repeat_keyed boolean not null default false;
create index complaint_unkeyed_district on complaint (district, received_at) where not repeat_keyed;
