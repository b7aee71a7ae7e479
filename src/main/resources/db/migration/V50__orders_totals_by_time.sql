-- lift against the holdout: each subscriber's order total over a range, read from the index alone (the analytics
-- page's slowest statement on H2 at 2,000 subscribers read every order row of the range)
create index orders_totals_by_time on orders (ordered_at, subscriber_id, total);
