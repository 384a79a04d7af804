-- When each table last changed, so that a kept public page is stale only when a table it read has changed,
-- not whenever anything anywhere does. Every statement that writes a table takes the next version for it;
-- the row is locked until the writer commits, so versions of one table become visible in the order they
-- were taken. The triggers are laid on every table by afterMigrate.sql, so a new table has one too.
create sequence table_version_seq;

create table table_version (
    table_name text primary key,
    version    bigint      not null,
    changed_at timestamptz not null
);

create function note_table_change() returns trigger language plpgsql as $$
begin
    insert into table_version (table_name, version, changed_at)
    values (tg_table_name, nextval('table_version_seq'), now())
    on conflict (table_name) do update set version = excluded.version, changed_at = excluded.changed_at;
    return null;
end $$;
