-- 并单: complaints received as repeats of an earlier case (ComplaintSubmitted.repeatOf), counted on the day of receipt.
alter table metric_daily add column repeats bigint not null default 0;
alter table metric_unit_daily add column repeats bigint not null default 0;
