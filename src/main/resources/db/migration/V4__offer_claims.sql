-- engagement: every offer card shown carries a key; a click claims it once. The key is the exactly-once guard of
-- one-click add-ons: a conditional update of its status, and the unique key on the shipment line it made.
create table offer_claim (
    claim_key        varchar(36)    not null primary key,
    subscriber_id    bigint         not null references subscriber (id),
    subscription_id  bigint         not null references subscription (id),
    shipment_id      bigint,
    offer_id         bigint         not null references offer (id),
    placement        varchar(16)    not null,
    kind             varchar(16)    not null,
    product_id       bigint references product (id),
    target_plan_id   bigint references plan (id),
    unit_price       numeric(10, 2) not null,
    status           varchar(16)    not null,
    shipment_line_id bigint,
    issued_at        timestamp with time zone not null,
    decided_at       timestamp with time zone,
    constraint offer_claim_status check (status in ('ISSUED', 'ACCEPTED', 'UNDONE', 'REFUSED')),
    constraint offer_claim_kind check (kind in ('ADD_ON', 'UPGRADE'))
);

create index offer_claim_subscriber on offer_claim (subscriber_id, issued_at);

alter table shipment_line add column claim_key varchar(36);
alter table shipment_line add constraint shipment_line_claim_unique unique (claim_key);
