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

create trigger measure_version_inserted after insert on observation referencing new table as changed
    for each statement execute function note_measure_change();
create trigger measure_version_updated after update on observation referencing new table as changed
    for each statement execute function note_measure_change();
create trigger measure_version_deleted after delete on observation referencing old table as changed
    for each statement execute function note_measure_change();

create trigger measure_version_inserted after insert on measure_target referencing new table as changed
    for each statement execute function note_measure_change();
create trigger measure_version_updated after update on measure_target referencing new table as changed
    for each statement execute function note_measure_change();
create trigger measure_version_deleted after delete on measure_target referencing old table as changed
    for each statement execute function note_measure_change();

create trigger measure_version_inserted after insert on measure_tolerance referencing new table as changed
    for each statement execute function note_measure_change();
create trigger measure_version_updated after update on measure_tolerance referencing new table as changed
    for each statement execute function note_measure_change();
create trigger measure_version_deleted after delete on measure_tolerance referencing old table as changed
    for each statement execute function note_measure_change();

create trigger measure_version_inserted after insert on measure referencing new table as changed
    for each statement execute function note_measure_defined();
create trigger measure_version_updated after update on measure referencing new table as changed
    for each statement execute function note_measure_defined();

insert into measure_version (measure_id, version) select id, nextval('table_version_seq') from measure;
