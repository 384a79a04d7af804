-- National volumes (README, "Running at scale"): the values split by a hash of their measure into 16 partitions.
-- Every statement of the product that reads or writes values names their measure, so each touches one partition:
-- an import brings the statistics of the partitions it wrote up to date rather than of the whole table, and
-- autovacuum and analyze follow each partition's own changes. A split by place level was measured against it and
-- lost (PartitioningBenchmarks): few statements name a level, and the key would have to hold it.
-- A key of a partitioned table holds the partition's column, so a revision names its value's measure as well.
alter table observation_revision add column measure_id bigint;
update observation_revision r set measure_id = o.measure_id from observation o where o.id = r.observation_id;
alter table observation_revision alter column measure_id set not null;
alter table observation_revision drop constraint observation_revision_observation_id_fkey;

alter table observation rename to observation_unpartitioned;
alter sequence observation_id_seq owned by none;
create table observation (
    like observation_unpartitioned including defaults including constraints,
    primary key (measure_id, id),
    -- a series (a place and breakdown of a measure) is one range of the key, whatever else the measure holds
    unique (measure_id, geography, breakdown, period_start),
    foreign key (measure_id) references measure (id) on delete cascade,
    foreign key (geography) references geography (code)
) partition by hash (measure_id);

do $$
begin
    for p in 0..15 loop
        execute format('create table observation_%s partition of observation for values with (modulus 16, remainder %s)', p, p);
    end loop;
end $$;

-- a period of a measure's totals for every place (a map, a place's council and Scotland), and all its totals (a
-- measure's figures for every place), read without passing over its breakdowns
create index observation_totals on observation (measure_id, period_start, geography) where breakdown = '';

insert into observation select * from observation_unpartitioned;
drop table observation_unpartitioned;
alter sequence observation_id_seq owned by observation.id;

-- the parent's own statistics, which plan a statement across partitions; autovacuum keeps only the partitions'
analyze observation;

alter table observation_revision add foreign key (measure_id, observation_id) references observation (measure_id, id) on delete cascade;

-- the measure's version follows its values, as V26 had it on the table that was
do $$
declare
    e text;
begin
    foreach e in array array['insert', 'update', 'delete'] loop
        execute format('create trigger measure_version_after_%s after %s on observation referencing %s table as changed '
                       'for each statement execute function note_measure_change()', e, e, case e when 'delete' then 'old' else 'new' end);
    end loop;
end $$;
