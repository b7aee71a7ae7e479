-- support work: a timeline entry made by store staff for the subscriber (its actor is the staff member's email)
alter table subscription_event add column by_store boolean default false not null;
