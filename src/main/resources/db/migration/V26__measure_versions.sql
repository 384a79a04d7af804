-- When what a measure is judged on last changed: its values, targets, tolerance or definition. A measure's
-- judgement is kept until then, so the list of all measures judges again only those that changed.
create table measure_version (
    measure_id bigint primary key,
    version    bigint not null
);

create function note_measure_change() returns trigger language plpgsql as $$
begin
    -- in the order of the measures, so that two writers of the same measures wait rather than deadlock
    insert into measure_version (measure_id, version)
    select measure_id, nextval('table_version_seq') from (select distinct measure_id from changed order by 1) d
    on conflict (measure_id) do update set version = excluded.version;
    return null;
end $$;

create function note_measure_defined() returns trigger language plpgsql as $$
begin
    insert into measure_version (measure_id, version)
    select id, nextval('table_version_seq') from (select distinct id from changed order by 1) d
    on conflict (measure_id) do update set version = excluded.version;
    return null;
end $$;

-- a transition table names one event only, so a trigger for each
do $$
declare
    t text;
    e text;
begin
    foreach t in array array['observation', 'measure_target', 'measure_tolerance', 'measure'] loop
        foreach e in array array['insert', 'update', 'delete'] loop
            continue when t = 'measure' and e = 'delete';
            execute format('create trigger measure_version_after_%s after %s on %I referencing %s table as changed '
                           'for each statement execute function %I()', e, e, t, case e when 'delete' then 'old' else 'new' end,
                           case t when 'measure' then 'note_measure_defined' else 'note_measure_change' end);
        end loop;
    end loop;
end $$;

insert into measure_version (measure_id, version) select id, nextval('table_version_seq') from measure;
