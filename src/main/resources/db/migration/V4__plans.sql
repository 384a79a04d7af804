create table plan (
    id             bigserial primary key,
    code           text not null unique,
    title          text not null,
    type           text not null check (type in ('loip', 'locality-plan', 'thematic-plan', 'business-plan', 'strategy')),
    partnership_id bigint references partnership (id),
    owner          text,
    start_date     date not null,
    end_date       date not null,
    status         text not null check (status in ('draft', 'approved', 'archived')),
    approved_on    date,
    description    text,
    check (end_date >= start_date)
);

-- vision -> strategic outcomes -> priority themes / priorities / outcomes -> actions -> milestones
create table plan_element (
    id               bigserial primary key,
    plan_id          bigint not null references plan (id) on delete cascade,
    parent_id        bigint references plan_element (id) on delete cascade,
    position         int    not null,
    code             text   not null,
    kind             text   not null check (kind in ('vision', 'strategic-outcome', 'priority-theme', 'priority', 'outcome', 'action', 'milestone')),
    title            text   not null,
    short_title      text,
    description      text,
    start_date       date,
    due_date         date,
    progress         int check (progress between 0 and 100),
    expected_outcome text check (expected_outcome in ('completed', 'on-track', 'warning', 'overdue', 'not-started', 'cancelled', 'on-hold')),
    latest_note      text,
    unique (plan_id, code)
);
create index plan_element_parent on plan_element (parent_id);

create table element_lead (
    element_id bigint not null references plan_element (id) on delete cascade,
    position   int    not null,
    name       text   not null,
    primary key (element_id, position)
);

-- Plans, programmes and partnerships a plan or one of its elements names as contributing to it.
create table plan_reference (
    id         bigserial primary key,
    plan_id    bigint not null references plan (id) on delete cascade,
    element_id bigint references plan_element (id) on delete cascade,
    kind       text   not null check (kind in ('plan', 'programme', 'partnership')),
    name       text   not null,
    position   int    not null
);
create index plan_reference_plan on plan_reference (plan_id);

-- The golden thread: an element serves elements of other plans and national outcomes.
create table alignment (
    id                    bigserial primary key,
    element_id            bigint not null references plan_element (id) on delete cascade,
    target_element_id     bigint references plan_element (id) on delete cascade,
    national_outcome_code text references national_outcome (code),
    position              int not null,
    check ((target_element_id is null) <> (national_outcome_code is null))
);
create index alignment_element on alignment (element_id);
create index alignment_target on alignment (target_element_id);
create index alignment_national on alignment (national_outcome_code);
