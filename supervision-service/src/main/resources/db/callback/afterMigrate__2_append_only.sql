-- The append-only tables of supervision-service: the runtime role (${runtime_role}) inserts and reads them, nothing
-- more. Runs after every migrate, after the outbox's grants (afterMigrate__1_runtime_role.sql); a new append-only
-- table is added to this list (and to RunningRolePrivilegesTest).
revoke update, delete, truncate on
    trail_entry,   -- the inspectors' trail (留痕)
    sample_draw,   -- 双随机: a draw and the cases it drew, reproducible from the recorded seed
    sample_case,
    trail_log,        -- the Merkle log over all trail entries: its order and its stored subtree hashes
    trail_log_node,
    trail_checkpoint  -- signed checkpoints (tree size, root hash)
    from ${runtime_role};

-- the clue ledger (线索台账): a clue is closed out (销号) by updating it, never deleted
revoke delete, truncate on clue from ${runtime_role};
