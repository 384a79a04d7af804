-- An action run as an improvement project, with what quality-improvement projects record: an aim (what, by how much,
-- by when), the team beside the action's leads, the phase it has reached and, once it ends, its end report.
create table improvement_project (
    element_id     bigint primary key references plan_element (id) on delete cascade,
    aim            text   not null check (length(trim(aim)) > 0),
    by_how_much    text,
    by_when        date,
    by_when_written text,
    phase          text   not null default 'charter'
        check (phase in ('charter', 'testing', 'implementation', 'spread', 'sustained', 'ended')),
    team           text[] not null default '{}',
    end_report     text
);

-- The changes a project tests, each with where its testing has got to.
create table change_idea (
    element_id bigint not null references improvement_project (element_id) on delete cascade,
    position   int    not null,
    idea       text   not null check (length(trim(idea)) > 0),
    status     text   not null default 'untested' check (status in ('untested', 'testing', 'adopted', 'abandoned')),
    primary key (element_id, position)
);

-- A project's measures play a part: the outcome it aims at, a process it changes, or a balance it must not upset.
alter table measure_use add column role text check (role in ('outcome', 'process', 'balancing'));

-- A project's update may move it to another phase; the plan takes it once approved.
alter table period_update add column phase text
    check (phase in ('charter', 'testing', 'implementation', 'spread', 'sustained', 'ended'));
