-- A file a record carries (an evidence document, an equality impact assessment), kept in the database so that a backup
-- holds it with the record; the name is as uploaded, for the download.
create table record_file (
    id           bigserial primary key,
    name         text        not null check (length(trim(name)) > 0),
    content_type text        not null,
    bytes        bytea       not null,
    uploaded_at  timestamptz not null default now(),
    uploaded_by  text        not null
);
alter table evidence add column file_id bigint references record_file (id);

-- The measures of the plan an evidence record backs: the measures that cite it.
create table evidence_measure (
    evidence_id bigint not null references evidence (id) on delete cascade,
    measure_id  bigint not null references measure (id) on delete cascade,
    primary key (evidence_id, measure_id)
);

-- An equality impact assessment of a plan, or of the recommendations of one of its committee papers, whose
-- "Equalities Impact" section reads from it (seed 002). The outcome is one of the four the Equality and Human Rights
-- Commission's guidance names, or not recorded where the source does not say.
create table equality_impact (
    id                  bigserial primary key,
    plan_id             bigint  not null references plan (id) on delete cascade,
    committee_report_id bigint references committee_report (id) on delete cascade,
    title               text    not null check (length(trim(title)) > 0),
    assessed_on         date,
    outcome             text check (outcome in ('no-major-change', 'adjust', 'continue', 'stop')),
    summary             text,
    link                text,
    file_id             bigint references record_file (id),
    public              boolean not null default true
);
create index equality_impact_plan on equality_impact (plan_id);

-- What a partnership's board agreed about how it plans, such as seed 003's joint participation plan and joint
-- resourcing, with the statement of the six it answers; read into the check of each of the partnership's plans.
create table agreement (
    id             bigserial primary key,
    partnership_id bigint  not null references partnership (id) on delete cascade,
    agreed_on      date,
    agreed_by      text,
    text           text    not null check (length(trim(text)) > 0),
    statement      int check (statement between 1 and 6),
    public         boolean not null default true
);

-- How each published plan stands against each statement, as the public sees it, worked out whenever its records change
-- and each night: the summary across all partnerships reads this in one query, however many plans there are.
create table stock_take_standing (
    plan_id       bigint      not null references plan (id) on delete cascade,
    statement     int         not null check (statement between 1 and 6),
    gaps          int         not null,
    assessed      boolean     not null,
    worked_out_at timestamptz not null,
    primary key (plan_id, statement)
);
