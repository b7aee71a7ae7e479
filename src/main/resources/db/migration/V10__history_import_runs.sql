-- ordering: an import names the process running it and when that process last said it was alive, and the
-- temporary file it reads, so an import left behind by a process that died is marked failed and its file deleted.
alter table history_import add column runner_host varchar(255);
alter table history_import add column runner_pid bigint;
alter table history_import add column heartbeat_at timestamp with time zone;
alter table history_import add column temp_file varchar(4096);

-- The customers an import created, as many as there are (no longer a line each in the report column).
create table history_import_customer (
    import_id bigint       not null references history_import (id),
    email     varchar(254) not null,
    constraint history_import_customer_pk primary key (import_id, email)
);
