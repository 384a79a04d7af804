-- One update cycle for actions and measures: an update of either, for a reporting period, in one table,
-- so the workflow (draft, submitted, then approved or returned with a comment) is written and read once.
create table period_update (
    id              bigserial primary key,
    period_id       bigint      not null references reporting_period (id) on delete cascade,
    -- what is updated: an action of the plan, or a measure the plan uses
    element_id      bigint      references plan_element (id) on delete cascade,
    measure_id      bigint      references measure (id) on delete cascade,
    -- an action's progress
    progress        int         check (progress between 0 and 100),
    assessment      text        check (assessment in ('completed', 'on-track', 'warning', 'overdue', 'not-started', 'cancelled', 'on-hold', 'deferred')),
    note            text,
    milestones_done bigint[],
    -- a measure's value: the measure's own period it is for (such as the academic year 2022/23), and the story behind it
    measure_period  date,
    value           numeric,
    value_status    text        check (value_status in ('provisional', 'final')),
    commentary      text,
    -- the workflow, the same for both
    state           text        not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'returned')),
    review_comment  text,
    written_by      text        not null,
    written_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    reviewed_by     text,
    reviewed_at     timestamptz,
    version         int         not null default 0,
    check ((element_id is not null and measure_id is null and progress is not null and note is not null and milestones_done is not null
            and measure_period is null and value is null and value_status is null and commentary is null)
        or (measure_id is not null and element_id is null and measure_period is not null and value is not null and value_status is not null
            and commentary is not null and progress is null and assessment is null and note is null and milestones_done is null)),
    unique (element_id, period_id),
    unique (measure_id, period_id)
);
create index period_update_period on period_update (period_id);

-- actions' updates keep their ids; measures' follow on, and the audit trail follows them
insert into period_update (id, period_id, element_id, progress, assessment, note, milestones_done, state, review_comment, written_by,
                           written_at, submitted_at, reviewed_by, reviewed_at, version)
select id, period_id, element_id, progress, assessment, note, milestones_done, state, review_comment, written_by,
       written_at, submitted_at, reviewed_by, reviewed_at, version
from progress_update;
select setval('period_update_id_seq', coalesce((select max(id) from period_update), 0) + 1, false);

create temporary table measure_update_id on commit drop as
select id as old_id, nextval('period_update_id_seq') as new_id from measure_update;
insert into period_update (id, period_id, measure_id, measure_period, value, value_status, commentary, state, review_comment, written_by,
                           written_at, submitted_at, reviewed_by, reviewed_at, version)
select n.new_id, u.period_id, u.measure_id, u.measure_period, u.value, u.value_status, u.commentary, u.state, u.review_comment, u.written_by,
       u.written_at, u.submitted_at, u.reviewed_by, u.reviewed_at, u.version
from measure_update u join measure_update_id n on n.old_id = u.id;
update audit_event a set entity_id = n.new_id::text
from measure_update_id n
where a.entity_type = 'measure-update' and a.entity_id = n.old_id::text;

drop table progress_update;
drop table measure_update;
