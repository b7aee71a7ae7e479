-- the demo seed's progress, one row (id 1) written with its first part: the seed commits in blocks of subscribers,
-- each block with seeded_through raised in the same transaction, so a start stopped midway (killed) leaves whole
-- blocks and this row, from which the next start seeds the rest with the same settings, never a subscriber twice;
-- finished_at is set once every block is in. A store with accounts and no such row has data of its own (or was
-- seeded before this table) and is never seeded.
create table demo_seed (
    id             integer primary key,
    subscribers    integer not null,
    seed           bigint not null,
    today          date not null,
    offer_history  boolean not null,
    seeded_through integer not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone
);
