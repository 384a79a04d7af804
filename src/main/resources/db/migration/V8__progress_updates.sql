-- An action's status is worked out from its dates and progress, except what a plan owner sets by hand.
alter table plan_element drop constraint plan_element_expected_outcome_check;
alter table plan_element
    add constraint plan_element_expected_outcome_check
        check (expected_outcome in ('completed', 'on-track', 'warning', 'overdue', 'not-started', 'cancelled', 'on-hold', 'deferred')),
    add column owner_status text check (owner_status in ('completed', 'cancelled', 'deferred', 'on-hold'));

-- A round of updates to a plan, such as "Interim update December 2022": updates open, are due, and close.
create table reporting_period (
    id        bigserial primary key,
    plan_id   bigint not null references plan (id) on delete cascade,
    name      text   not null,
    opens_on  date   not null,
    deadline  date   not null,
    closes_on date   not null,
    -- closed by an owner: from then nothing in it can change
    closed_at timestamptz,
    closed_by text,
    unique (plan_id, name),
    check (opens_on <= deadline and deadline <= closes_on)
);

-- A lead's update of an action for a period: draft, submitted, then approved or returned with a comment.
-- Only approved updates reach the plan, its reports and the public.
create table progress_update (
    id              bigserial primary key,
    element_id      bigint      not null references plan_element (id) on delete cascade,
    period_id       bigint      not null references reporting_period (id) on delete cascade,
    progress        int         not null check (progress between 0 and 100),
    assessment      text        check (assessment in ('completed', 'on-track', 'warning', 'overdue', 'not-started', 'cancelled', 'on-hold', 'deferred')),
    note            text        not null,
    milestones_done bigint[]    not null default '{}',
    state           text        not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'returned')),
    review_comment  text,
    written_by      text        not null,
    written_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    reviewed_by     text,
    reviewed_at     timestamptz,
    version         int         not null default 0,
    unique (element_id, period_id)
);
create index progress_update_period on progress_update (period_id);

-- Reminders already sent, so that each goes once.
create table reminder_sent (
    account_id bigint      not null references account (id) on delete cascade,
    period_id  bigint      not null references reporting_period (id) on delete cascade,
    kind       text        not null check (kind in ('before-deadline', 'on-deadline')),
    sent_at    timestamptz not null default now(),
    primary key (account_id, period_id, kind)
);
