-- The trail log: every trail entry (of every case, the clue ledger's included) in one append-only log, in the order
-- the sequencer (TrailSequencer, a background step) took them, with a Merkle tree over it (RFC 9162 §2.1).

-- log index -> trail entry
create table trail_log (
    log_index bigint primary key,
    entry_id  bigint not null unique references trail_entry (id)
);

-- the hashes of the tree's complete subtrees: level 0 the leaf hashes, level l the subtree of the 2^l leaves from
-- idx * 2^l; any root or proof is put together from O(log n) of them
create table trail_log_node (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (level, idx)
);

-- one row, written by the sequencer only: the log's size and how far the entries are all sequenced
-- (watermark_id: every entry with a smaller or equal id is in the log; pending_id becomes the watermark once every
-- transaction running when it was read, those below pending_xmax, has ended)
create table trail_log_state (
    id           smallint primary key check (id = 1),
    size         bigint not null,
    watermark_id bigint not null,
    pending_id   bigint,
    pending_xmax xid8
);
insert into trail_log_state (id, size, watermark_id) values (1, 0, 0);

-- the checkpoints this service signed and published (the private key is never here: only the signature)
create table trail_checkpoint (
    tree_size          bigint primary key,
    root_hash          varchar(64)  not null,
    issued_at          timestamptz  not null,
    key_id             varchar(16)  not null,
    signature          varchar(200) not null,
    previous_tree_size bigint,
    issued_by          varchar(100) not null
);

create function trail_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger trail_log_no_update before update or delete on trail_log
    for each row execute function trail_log_append_only();
create trigger trail_log_node_no_update before update or delete on trail_log_node
    for each row execute function trail_log_append_only();
create trigger trail_checkpoint_no_update before update or delete on trail_checkpoint
    for each row execute function trail_log_append_only();
