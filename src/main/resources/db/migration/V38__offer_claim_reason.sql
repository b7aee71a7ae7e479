-- engagement: the reason line a card was shown with, so a card brought back by Undo keeps it
alter table offer_claim add column reason varchar(500);
