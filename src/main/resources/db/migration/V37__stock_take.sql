-- What a plan stands on, as the national stock-take judges plans (seed 004): each action's preventative focus, the
-- participation, evidence and partners' resources behind the plan, and the partnership's own view of how it stands.
alter table plan_element add column prevention text check (prevention in ('prevention', 'early-intervention', 'crisis-response'));

-- An engagement activity, or a participation request received under the Act, with what was heard and what changed.
-- The contact is personal data: it is kept for officers and never published.
create table participation (
    id           bigserial primary key,
    plan_id      bigint  not null references plan (id) on delete cascade,
    kind         text    not null default 'engagement' check (kind in ('engagement', 'participation-request')),
    title        text    not null check (length(trim(title)) > 0),
    method       text    not null check (method in ('consultation', 'online-survey', 'event', 'workshop', 'citizens-panel', 'focus-group',
                                                     'participatory-budgeting', 'community-scrutiny', 'other')),
    held_from    date,
    held_to      date,
    participants int check (participants >= 0),
    communities  text[]  not null default '{}',
    seldom_heard text[]  not null default '{}',
    heard        text,
    changed      text,
    contact      text,
    public       boolean not null default true,
    check (held_to is null or held_from is null or held_to >= held_from)
);

-- A strategic needs assessment, a data deep-dive, a profile or a study the plan draws on.
create table evidence (
    id           bigserial primary key,
    plan_id      bigint  not null references plan (id) on delete cascade,
    kind         text    not null check (kind in ('needs-assessment', 'deep-dive', 'profile', 'study', 'review', 'other')),
    title        text    not null check (length(trim(title)) > 0),
    published_on date,
    author       text,
    link         text,
    summary      text,
    public       boolean not null default true
);

-- The plan elements a participation or evidence record informs.
create table record_element (
    record     text   not null check (record in ('participation', 'evidence')),
    record_id  bigint not null,
    element_id bigint not null references plan_element (id) on delete cascade,
    primary key (record, record_id, element_id)
);

-- A partner's contribution to an action or priority in a financial year: money, staff time, in kind, new or redirected.
create table contribution (
    id             bigserial primary key,
    element_id     bigint        not null references plan_element (id) on delete cascade,
    partner_id     bigint        not null references partner (id),
    financial_year text          not null check (financial_year ~ '^\d{4}/\d{2}$'),
    money          numeric(14, 2) check (money >= 0),
    fte            numeric(8, 2) check (fte >= 0),
    in_kind        text,
    source         text          not null check (source in ('new', 'redirected')),
    check (money is not null or fte is not null or in_kind is not null)
);
create index contribution_element on contribution (element_id);

-- The partnership's own assessment against each of the six statements, and what it will do to improve.
create table statement_assessment (
    plan_id             bigint      not null references plan (id) on delete cascade,
    statement           int         not null check (statement between 1 and 6),
    self_assessment     text,
    improvement_actions text,
    primary key (plan_id, statement)
);
