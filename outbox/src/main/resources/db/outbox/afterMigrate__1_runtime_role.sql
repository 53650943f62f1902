-- The privileges of the role the service runs with (${runtime_role}), applied after every migrate by the migration role
-- that owns the schema. The runtime role owns nothing: no DDL, no trigger control, no truncate. Idempotent.
-- Each service then takes update and delete away from its append-only tables in its own
-- db/callback/afterMigrate__2_append_only.sql, which Flyway runs after this one.

-- nobody but the owner creates objects in the schema (PostgreSQL 15+ does this by default)
revoke create on schema public from public;
grant usage on schema public to ${runtime_role};

-- row access to every table and sequence, and to those later migrations create
grant select, insert, update, delete on all tables in schema public to ${runtime_role};
grant usage, select on all sequences in schema public to ${runtime_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${runtime_role};
alter default privileges in schema public grant usage, select on sequences to ${runtime_role};

-- Flyway's history is the migration role's business
revoke all on ${flyway:table} from ${runtime_role};

-- the outbox: the service inserts and reads events; the relay marks a row published or records a failed attempt
-- (published_at, attempts, last_error) and deletes published rows after outbox.retention
revoke update on outbox_event from ${runtime_role};
grant update (published_at, attempts, last_error) on outbox_event to ${runtime_role};

-- consumed events: a handler's check-and-mark inserts and reads; nothing updates or deletes them
revoke update, delete, truncate on consumed_event from ${runtime_role};
