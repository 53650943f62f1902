-- What each matrix version changed against the one before (JSON list of added, removed and changed rows),
-- so that administrators and inspectors can see who changed which responsibility, when, and how.
alter table matrix_version add column changes text;
