-- Spring Modulith's event publication registry (JPA): one row per event and listener that runs after the
-- publishing transaction, written in that transaction; completed rows are deleted (completion-mode=delete), so the
-- rows left are the publications whose listener has not finished, resubmitted on the next start.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar(1000000)         not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    last_resubmission_date timestamp with time zone,
    completion_attempts    int                      not null,
    status                 varchar(16)
);

create index event_publication_incomplete on event_publication (completion_date, publication_date);

-- engagement: the orders whose shipped add-ons are recorded, so that a resubmitted OrderPlaced records them once
create table shipped_add_on_order (
    order_id    bigint                   not null primary key references orders (id),
    recorded_at timestamp with time zone not null
);
