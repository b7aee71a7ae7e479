-- subscription: a box whose processing failed keeps why, how often and when it is tried again, so one bad box
-- never stops the others and the merchant sees it on the admin home. Cleared when the box ships.
alter table shipment add column failure_count int default 0 not null;
alter table shipment add column failure_reason varchar(500);
alter table shipment add column failed_at timestamp with time zone;
alter table shipment add column retry_at timestamp with time zone;

create index shipment_failed on shipment (failed_at);
