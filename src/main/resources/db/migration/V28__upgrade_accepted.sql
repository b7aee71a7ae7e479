-- engagement: an accepted upgrade card, with the price per delivery before and after and the subscription's
-- interval, so analytics can tell the recurring revenue it adds per month. One row per claim: a replayed click
-- cannot add a second.
create table upgrade_accepted (
    claim_key       varchar(36)    not null primary key references offer_claim (claim_key),
    offer_id        bigint         not null references offer (id),
    placement       varchar(16)    not null,
    subscription_id bigint         not null references subscription (id),
    previous_price  numeric(10, 2) not null,
    new_price       numeric(10, 2) not null,
    interval_count  int            not null,
    interval_unit   varchar(8)     not null,
    accepted_at     timestamp with time zone not null,
    constraint upgrade_accepted_interval check (interval_count > 0 and interval_unit in ('DAY', 'WEEK', 'MONTH'))
);

create index upgrade_accepted_by_time on upgrade_accepted (accepted_at);
