-- analytics: offer events counted per day (in the store clock time zone), offer, placement, type and holdout, so
-- the analytics page sums a few thousand rows instead of counting millions. A day is counted once it is settled
-- (two days old), and counted again if an event of that day is recorded later (see OfferEventDays).
create table offer_event_day (
    on_day    date           not null,
    offer_id  bigint         not null,
    placement varchar(16)    not null,
    type      varchar(16)    not null,
    holdout   boolean        not null,
    events    bigint         not null,
    amount    numeric(14, 2) not null,
    constraint offer_event_day_key primary key (on_day, offer_id, placement, type, holdout)
);

-- the days counted into offer_event_day
create table offer_event_day_counted (
    on_day     date                     not null primary key,
    counted_at timestamp with time zone not null
);

-- subscribers reached over a range (a distinct count, which days cannot add up) read from the index alone
create index offer_event_reach on offer_event (occurred_at, holdout, offer_id, type, placement, subscriber_id);
create index offer_event_offer_reach on offer_event (offer_id, occurred_at, holdout, type, placement, subscriber_id);
