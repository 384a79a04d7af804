-- A partnership's localities: each a place (a geography row at level 'locality', its parent the council) made of
-- data zones. Localities come in sets (the demo's "Multi-member wards", an officer's own drawing); a data zone is in
-- at most one locality of a set, so a set's localities never overlap.
create table locality (
    code        text collate "C" primary key references geography (code) on delete cascade,
    council     text collate "C" not null references geography (code),
    set_name    text not null,
    -- how the locality was drawn, shown on its page ("the multi-member ward of the data zone lookup")
    drawn_from  text not null,
    defined_by  text not null,
    defined_at  timestamptz not null default now()
);
create index locality_council on locality (council);

create table locality_zone (
    locality  text collate "C" not null references locality (code) on delete cascade,
    set_name  text not null,
    data_zone text collate "C" not null references geography (code),
    primary key (locality, data_zone),
    unique (set_name, data_zone)
);

-- A locality plan belongs to a locality; any element of any plan can be scoped to one.
alter table plan add column locality text collate "C" references geography (code);
alter table plan_element add column locality text collate "C" references geography (code);
create index plan_locality on plan (locality);
create index plan_element_locality on plan_element (locality);

-- A partnership's choice of a priority locality for a plan: why, and the evidence as it stood that day.
create table priority_locality (
    id         bigserial primary key,
    plan_id    bigint not null references plan (id) on delete cascade,
    locality   text collate "C" not null references geography (code),
    rationale  text not null,
    -- the ranked table the choice was made on, as shown that day
    evidence   jsonb not null,
    chosen_by  text not null,
    chosen_at  timestamptz not null default now(),
    unique (plan_id, locality)
);
