-- The queues leave out complaints about the viewer's own unit: a small index of the complaints that name a unit.
create index if not exists case_complaint_accused on case_complaint (accused_unit) where accused_unit is not null;
