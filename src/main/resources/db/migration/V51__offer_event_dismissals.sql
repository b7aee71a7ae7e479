-- the offers a subscriber dismissed lately, which every recommendation leaves out: read from the index alone over
-- that subscriber's dismissals (offer_event_subscriber read every event of theirs in the window, impressions
-- included, or the planner took an index by type and time and read every subscriber's dismissals)
create index offer_event_dismissals on offer_event (subscriber_id, type, occurred_at, offer_id);
