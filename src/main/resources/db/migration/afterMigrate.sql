-- After every migration: each table of the application notes its changes in table_version (V25), with a row
-- from the start, so that a page that read a table never changed still has a version for it. The audit trail
-- is left out: every change writes it, and no public page reads it; so are the sessions and the jobs' locks
-- (V30). A partition's changes are noted as its table's (V32). A schema older than V25 (a restore builds one
-- first) has nothing to note them in yet.
do $$
declare
    t text;
begin
    if to_regclass('table_version') is null then
        return;
    end if;
    for t in
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
          and c.relname not in ('table_version', 'measure_version', 'audit_event', 'flyway_schema_history',
                                'spring_session', 'spring_session_attributes', 'shedlock')
    loop
        if not exists (select 1 from pg_trigger where tgname = 'note_table_change' and tgrelid = t::regclass) then
            execute format('create trigger note_table_change after insert or update or delete or truncate on %I '
                           'for each statement execute function note_table_change()', t);
        end if;
        insert into table_version (table_name, version, changed_at)
        values (t, nextval('table_version_seq'), now()) on conflict do nothing;
    end loop;
end $$;
