-- A subscription brought over from another platform keeps that platform's id, so importing the same file twice
-- (or two uploads at once) records it once.
alter table subscription add column external_id varchar(64);
alter table subscription add constraint subscription_external_id_unique unique (external_id);
