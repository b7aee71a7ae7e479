-- lift against the holdout: each subscriber's first impression of a range, found without reading the range's other
-- impressions. An impression is the first of the days F to T in a scope exactly when its previous day (V42) is
-- before F; its gap (its day less its previous day) is then more than its day less F, so an impression whose gap is
-- at most 2^(k-1) days can only be a first of the range in the range's first 2^(k-1) days. The gap level says which:
--   null  not an impression          0  previous impression the same day (never a first of a range)
--   k = 1..10  gap of 2^(k-2) + 1 to 2^(k-1) days (1: 1 day, 2: 2, 3: 3-4, 4: 5-8, ..., 10: 257-512)
--   11    gap of more than 512 days, or no previous impression
-- so each level is read over its index for its own first days of the range only (11 over the whole range). Kept for
-- the scope of any offer anywhere (prev_any) and of any offer at the same placement (prev_placement).
alter table offer_event add column gap_any smallint;
alter table offer_event add column gap_placement smallint;

update offer_event set
    gap_any = case
        when prev_any = date '0001-01-01' then 11
        when prev_any >= cast(occurred_at as date) then 0
        when prev_any >= cast(occurred_at as date) - interval '1' day then 1
        when prev_any >= cast(occurred_at as date) - interval '2' day then 2
        when prev_any >= cast(occurred_at as date) - interval '4' day then 3
        when prev_any >= cast(occurred_at as date) - interval '8' day then 4
        when prev_any >= cast(occurred_at as date) - interval '16' day then 5
        when prev_any >= cast(occurred_at as date) - interval '32' day then 6
        when prev_any >= cast(occurred_at as date) - interval '64' day then 7
        when prev_any >= cast(occurred_at as date) - interval '128' day then 8
        when prev_any >= cast(occurred_at as date) - interval '256' day then 9
        when prev_any >= cast(occurred_at as date) - interval '512' day then 10
        else 11 end,
    gap_placement = case
        when prev_placement = date '0001-01-01' then 11
        when prev_placement >= cast(occurred_at as date) then 0
        when prev_placement >= cast(occurred_at as date) - interval '1' day then 1
        when prev_placement >= cast(occurred_at as date) - interval '2' day then 2
        when prev_placement >= cast(occurred_at as date) - interval '4' day then 3
        when prev_placement >= cast(occurred_at as date) - interval '8' day then 4
        when prev_placement >= cast(occurred_at as date) - interval '16' day then 5
        when prev_placement >= cast(occurred_at as date) - interval '32' day then 6
        when prev_placement >= cast(occurred_at as date) - interval '64' day then 7
        when prev_placement >= cast(occurred_at as date) - interval '128' day then 8
        when prev_placement >= cast(occurred_at as date) - interval '256' day then 9
        when prev_placement >= cast(occurred_at as date) - interval '512' day then 10
        else 11 end
where type = 'IMPRESSION';

-- replace V42's indexes, which the lift read over the whole range
drop index offer_event_first_seen;
drop index offer_event_first_seen_at;
create index offer_event_first_any on offer_event (gap_any, occurred_at, prev_any, holdout, subscriber_id);
create index offer_event_first_at on offer_event (placement, gap_placement, occurred_at, prev_placement, holdout,
    subscriber_id);
-- the add-ons shipped per subscriber in the range (V42's first index served them too), read from the index alone
create index offer_event_shipped on offer_event (type, occurred_at, subscriber_id, unit_price, placement);
