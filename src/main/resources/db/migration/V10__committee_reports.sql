-- A cover paper for a committee, such as seed 002's report to the Audit and Scrutiny Committee, with
-- a plan's progress report as its appendix.
create table committee_report (
    id           bigserial primary key,
    plan_id      bigint      not null references plan (id) on delete cascade,
    organisation text        not null,
    report_to    text        not null,
    meeting_date date        not null,
    subject      text        not null,
    report_by    text        not null,
    -- the appendix shows the plan as at this period; none for the latest approved
    period_id    bigint      references reporting_period (id) on delete set null,
    written_by   text        not null,
    written_at   timestamptz not null default now(),
    version      int         not null default 0
);
create index committee_report_plan on committee_report (plan_id);

-- Its sections, each kept by its key ("purpose", "recommendations", ...); an empty one is left out.
create table committee_report_section (
    report_id bigint not null references committee_report (id) on delete cascade,
    section   text   not null,
    text      text   not null,
    primary key (report_id, section)
);
