-- account: failed password logins, for throttling. A key (an account's email, or a client address) has at most as
-- many slots as its limit allows failures in its window; a slot holds the time of the failure that took it (or of
-- the attempt being checked, counted as a failure until it succeeds). A slot is taken by an insert (the primary key
-- lets one of two instances win) or, once expired, by a conditional update, so the limit holds across instances.
-- Keys are SHA-256 hashes: no email or address is stored. Expired slots are pruned.
create table login_failure (
    key_kind  varchar(16)              not null,
    key_hash  varchar(64)              not null,
    slot      int                      not null,
    failed_at timestamp with time zone not null,
    constraint login_failure_pk primary key (key_kind, key_hash, slot),
    constraint login_failure_kind check (key_kind in ('ACCOUNT', 'ADDRESS'))
);

create index login_failure_failed_at on login_failure (failed_at);
