-- analytics: subscribers reached over any range of days, exact and without a distinct count over the events.
-- Each impression carries the day of the same subscriber's previous impression (in the same holdout side) of the
-- same offer at the same placement, of the same offer anywhere, of any offer at the same placement and of any offer
-- anywhere ('0001-01-01' when there was none; null on events other than impressions). A subscriber had an
-- impression in the days F to T exactly when one of their impressions falls in F to T with its previous day before
-- F, and exactly one does (the first in the range): so the distinct count is a plain count, and it adds up per day.
alter table offer_event add column prev_offer_placement date;
alter table offer_event add column prev_offer date;
alter table offer_event add column prev_placement date;
alter table offer_event add column prev_any date;

-- the impressions recorded so far, each subscriber's in the order they happened (the day in the session's zone,
-- which is the application clock's: both are the JVM's)
merge into offer_event e
using (select id,
              lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout, offer_id, placement
                                                   order by occurred_at, id) as p_offer_placement,
              lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout, offer_id
                                                   order by occurred_at, id) as p_offer,
              lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout, placement
                                                   order by occurred_at, id) as p_placement,
              lag(cast(occurred_at as date)) over (partition by subscriber_id, holdout
                                                   order by occurred_at, id) as p_any
       from offer_event where type = 'IMPRESSION') p
on e.id = p.id
when matched then update set
    prev_offer_placement = coalesce(p.p_offer_placement, date '0001-01-01'),
    prev_offer = coalesce(p.p_offer, date '0001-01-01'),
    prev_placement = coalesce(p.p_placement, date '0001-01-01'),
    prev_any = coalesce(p.p_any, date '0001-01-01');

-- the first impressions of each day (those whose previous day is an earlier one), counted per day, offer, placement,
-- holdout, scope (0 offer and placement, 1 offer, 2 placement, 3 any; offer 0 and placement 'ALL' where the scope
-- has none) and previous day: counted with the day's
-- other counts into offer_event_day (a day counted is counted here too), so a range's subscribers reached are a
-- sum of the rows of its days whose previous day is before its first
create table offer_reach_day (
    on_day      date        not null,
    offer_id    bigint      not null,
    placement   varchar(16) not null,
    holdout     boolean     not null,
    scope       smallint    not null,
    seen_before date        not null,
    subscribers bigint      not null,
    constraint offer_reach_day_key primary key (on_day, offer_id, placement, holdout, scope, seen_before)
);
create index offer_reach_day_offer on offer_reach_day (offer_id, scope, on_day);

-- a day counted before this version has no reach counted yet: count every day again
delete from offer_event_day;
delete from offer_event_day_counted;

-- lift against the holdout: each subscriber's first impression of the range, read from the index alone
create index offer_event_first_seen on offer_event (type, occurred_at, prev_any, holdout, subscriber_id);
create index offer_event_first_seen_at on offer_event (type, placement, occurred_at, prev_placement, holdout, subscriber_id);
