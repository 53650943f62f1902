-- The append-only tables of case-routing: the runtime role (${runtime_role}) inserts and reads them, nothing more. Runs after
-- every migrate, after the outbox's grants (afterMigrate__1_runtime_role.sql), which already cover consumed_event. A
-- new append-only table is added to the list below (and to RunningRolePrivilegesTest), e.g.
--   revoke update, delete, truncate on some_log from ${runtime_role};
revoke update, delete, truncate on
    witness_checkpoint, -- the trail checkpoints this witness accepted
    witness_refusal     -- and those it refused, with the reason
    from ${runtime_role};
