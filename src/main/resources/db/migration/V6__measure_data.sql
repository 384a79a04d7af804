-- A measure's full definition. Its polarity replaces the direction a plan first gave it.
alter table measure drop constraint measure_direction_check;
alter table measure rename column direction to polarity;
update measure set polarity = case polarity
    when 'increase' then 'higher-is-better' when 'reduce' then 'lower-is-better' else 'no-judgement' end;
alter table measure
    add constraint measure_polarity_check
        check (polarity in ('higher-is-better', 'lower-is-better', 'closest-to-target', 'no-judgement')),
    add column description text,
    add column kind text not null default 'performance-measure'
        check (kind in ('population-indicator', 'performance-measure')),
    add column unit text not null default 'percentage'
        check (unit in ('percentage', 'percentage-points', 'rate', 'count', 'money', 'years', 'index')),
    add column rate_per int check (rate_per > 0),
    add column decimals int not null default 1 check (decimals between 0 and 6),
    add column period_type text not null default 'financial-year'
        check (period_type in ('financial-year', 'academic-year', 'calendar-year', 'quarter', 'month')),
    add column source text,
    add column lead text,
    -- the breakdowns it is published for, e.g. {Gender, Age, SIMD quintile}
    add column dimensions text[] not null default '{}',
    -- the place whose series is judged; the rest of its data is for comparison and breakdown
    add column area text,
    -- a gap measure's values are derived: one breakdown of another measure less another breakdown of it
    add column gap_of bigint references measure (id),
    add column gap_dimension text,
    add column gap_higher text,
    add column gap_lower text,
    add column public boolean not null default true;

-- Places values are published for: Scotland, council areas, localities, intermediate zones, data zones,
-- and named family groups of similar councils.
-- codes compare byte by byte (collation "C"): they are identifiers, and keys of millions of values
create table geography (
    code  text collate "C" primary key,
    name  text not null,
    level text not null check (level in ('country', 'council-area', 'locality', 'intermediate-zone', 'data-zone', 'family-group'))
);
insert into geography (code, name, level) values
  ('S92000003', 'Scotland', 'country'),
  ('S12000005', 'Clackmannanshire', 'council-area'),
  ('S12000030', 'Stirling', 'council-area');
alter table measure add constraint measure_area_fk foreign key (area) references geography (code);

-- Tolerance and targets are versioned, never overwritten: a past period is judged with what was in
-- force then, so changing a tolerance today does not rewrite last year's report.
create table measure_tolerance (
    measure_id bigint      not null references measure (id) on delete cascade,
    valid_from timestamptz not null default now(),
    percent    boolean     not null,
    amount     numeric     not null check (amount >= 0),
    -- a change smaller than this is "no change" in a trend, in the same terms
    no_change  numeric     not null default 0 check (no_change >= 0),
    primary key (measure_id, valid_from)
);

create table measure_target (
    id           bigserial primary key,
    measure_id   bigint      not null references measure (id) on delete cascade,
    kind         text        not null check (kind in ('baseline', 'short-term', 'medium-term', 'long-term', 'stretch-aim')),
    period_start date        not null,
    value        numeric     not null,
    breakdown    text        not null default '',
    valid_from   timestamptz not null default now(),
    valid_to     timestamptz,
    check (valid_to is null or valid_to > valid_from)
);
create index measure_target_measure on measure_target (measure_id);

-- One value: measure x period x geography x breakdown ("Gender=Female;Age=18-24", dimensions sorted).
create table observation (
    id            bigserial primary key,
    measure_id    bigint      not null references measure (id) on delete cascade,
    period_start  date        not null,
    geography     text collate "C" not null references geography (code),
    breakdown     text collate "C" not null default '',
    value         numeric     not null,
    status        text        not null default 'final' check (status in ('provisional', 'final', 'revised')),
    note          text,
    -- set when a value lies far outside the measure's own history, until a person confirms it
    to_confirm    text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now(),
    unique (measure_id, period_start, geography, breakdown)
);

-- Revisions keep the value they replaced.
create table observation_revision (
    observation_id bigint      not null references observation (id) on delete cascade,
    value          numeric     not null,
    status         text        not null,
    note           text,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    superseded_by  text        not null,
    superseded_at  timestamptz not null default now()
);
create index observation_revision_observation on observation_revision (observation_id);

-- The lead's story behind the data for a period.
create table measure_commentary (
    measure_id   bigint      not null references measure (id) on delete cascade,
    period_start date        not null,
    text         text        not null,
    written_by   text        not null,
    written_at   timestamptz not null default now(),
    primary key (measure_id, period_start, written_at)
);
