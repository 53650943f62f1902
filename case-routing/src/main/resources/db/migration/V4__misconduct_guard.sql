-- The misconduct guard's finding on a case (POSSIBLE or STRONG, null: none) and its evidence: a dispatcher who sends
-- such a case to another unit than the discipline commission must confirm it with a reason, and a return of it is
-- never rerouted automatically.
alter table routing_case
    add column misconduct_level    varchar(10),
    add column misconduct_evidence varchar(1000);
