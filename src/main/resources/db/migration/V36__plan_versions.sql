-- Refreshing a plan makes a new version of the same plan. Each version says from when it is in force and what
-- changed from the one before; a version no longer in force keeps the plan file as it then stood, so that a report
-- as at a date in its time shows the plan as it was.
create table plan_version (
    plan_id       bigint      not null references plan (id) on delete cascade,
    number        int         not null check (number > 0),
    in_force_from date        not null,
    made_at       timestamptz not null default now(),
    made_by       text        not null,
    note          text,
    document      text,
    primary key (plan_id, number)
);

-- What changed in a version from the one before, one line a change.
create table plan_version_change (
    plan_id  bigint not null,
    number   int    not null,
    position int    not null,
    kind     text   not null check (kind in ('added', 'removed', 'reworded', 'moved', 'target', 'plan')),
    code     text,
    level    text,
    before   text,
    after    text,
    primary key (plan_id, number, position),
    foreign key (plan_id, number) references plan_version (plan_id, number) on delete cascade
);

-- Every plan so far is its first version, in force from its start.
insert into plan_version (plan_id, number, in_force_from, made_at, made_by)
select id, 1, start_date, now(), 'system' from plan;

-- An element a later version leaves out stays, with its updates, for the reports of the versions it was in.
alter table plan_element add column withdrawn_in int;
create index plan_element_current on plan_element (plan_id) where withdrawn_in is null;
