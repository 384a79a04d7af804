-- A lead's value for a measure in a reporting period of a plan that uses it, with the story behind it:
-- draft, submitted, then approved (when the value and commentary are published) or returned with a comment.
create table measure_update (
    id              bigserial primary key,
    measure_id      bigint      not null references measure (id) on delete cascade,
    period_id       bigint      not null references reporting_period (id) on delete cascade,
    -- the measure's own period the value is for, such as the academic year 2022/23
    measure_period  date        not null,
    value           numeric     not null,
    value_status    text        not null check (value_status in ('provisional', 'final')),
    commentary      text        not null,
    state           text        not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'returned')),
    review_comment  text,
    written_by      text        not null,
    written_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    reviewed_by     text,
    reviewed_at     timestamptz,
    version         int         not null default 0,
    unique (measure_id, period_id)
);
create index measure_update_period on measure_update (period_id);
