-- A subscriber's email preferences: box reminders (on unless they say no), and whether a reminder may suggest
-- add-ons. Kept on the subscriber, so an imported customer who never signed in can unsubscribe too.
alter table subscriber add column box_reminders boolean default true not null;
alter table subscriber add column reminder_suggestions boolean default true not null;
