-- The annual report on a LOIP's or a locality plan's progress the Act requires (Community Empowerment (Scotland) Act
-- 2015, part 2), one a plan and reporting year: its figures made from the data and kept as they were made (content),
-- the officers' words around them, and, once published, the whole report as it was published, never changed after.
create table annual_report (
    id                bigserial primary key,
    plan_id           bigint      not null references plan (id) on delete cascade,
    year              text        not null check (year ~ '^\d{4}/\d{2}$'),
    status            text        not null default 'draft' check (status in ('draft', 'approved', 'published')),
    content           jsonb       not null,
    figures_at        timestamptz not null,
    approved_by       text,
    approved_at       timestamptz,
    published_by      text,
    published_at      timestamptz,
    published_content jsonb,
    version           int         not null default 0,
    unique (plan_id, year),
    check ((status = 'published') = (published_content is not null))
);

-- The words officers write around the figures: an introduction to the report and to each section, and commentary on
-- each measure, by key ("summary", "section:123", "measure:LOIP-ES-03", "participation", "resources").
create table annual_report_words (
    report_id bigint not null references annual_report (id) on delete cascade,
    key       text   not null,
    text      text   not null,
    primary key (report_id, key)
);
