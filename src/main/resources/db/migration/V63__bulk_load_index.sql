-- The plain indexes a bulk load (the demo seed) dropped and has not built again yet, as the schema had them: a load
-- reads their definitions from the schema, writes them here before it drops them, and deletes each row once it has
-- built the index again. A load killed in between leaves the rows, and the next start builds those indexes.
create table bulk_load_index (
    name       varchar(128) primary key,
    table_name varchar(128) not null,
    columns    varchar(2000) not null
);
