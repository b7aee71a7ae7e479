-- The analytics page reads every offer's events in a date range.
create index offer_event_time on offer_event (occurred_at, placement);
