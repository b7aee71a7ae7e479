-- Monthly schedules keep their day of month: a box due on the 31st ships on the 30th in April and on the
-- 31st again in May. The anchor is the day the schedule was last set (start or reschedule).
alter table subscription add column anchor_day int;
update subscription set anchor_day = extract(day from coalesce(next_shipment_date, started_on));
alter table subscription alter column anchor_day set not null;
