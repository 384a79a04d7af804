-- A plan's risk register: each risk scored on likelihood and impact (1 to 5) before and after its controls, with its
-- owner, controls, further actions and when it is next reviewed; reviewed in the plan's reporting periods.
create table risk (
    id                bigserial primary key,
    plan_id           bigint  not null references plan (id) on delete cascade,
    element_id        bigint references plan_element (id) on delete set null,
    title             text    not null check (length(trim(title)) > 0),
    description       text,
    owner             text    not null check (length(trim(owner)) > 0),
    likelihood_before int     not null check (likelihood_before between 1 and 5),
    impact_before     int     not null check (impact_before between 1 and 5),
    likelihood_after  int     not null check (likelihood_after between 1 and 5),
    impact_after      int     not null check (impact_after between 1 and 5),
    controls          text,
    further_actions   text,
    review_on         date,
    public            boolean not null default true
);
create index risk_plan on risk (plan_id);

-- Each review of a risk: its score after controls then, what was said, in which reporting period.
create table risk_review (
    id          bigserial primary key,
    risk_id     bigint      not null references risk (id) on delete cascade,
    period_id   bigint references reporting_period (id) on delete set null,
    likelihood  int         not null check (likelihood between 1 and 5),
    impact      int         not null check (impact between 1 and 5),
    note        text        not null,
    next_review date,
    reviewed_by text        not null,
    reviewed_at timestamptz not null default now()
);
