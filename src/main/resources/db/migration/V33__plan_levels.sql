-- A plan names its levels, in order from the top, in its own words ("Stretch outcome", "Improvement aim"): each
-- level is a kind of element the product knows, so that what a kind does (an action is updated, a milestone
-- belongs to an action) stays the same whatever the plan calls it. A plan with no rows here has the product's.
create table plan_level (
    plan_id  bigint not null references plan (id) on delete cascade,
    position int    not null,
    kind     text   not null check (kind in ('vision', 'strategic-outcome', 'priority-theme', 'priority', 'outcome', 'action', 'milestone')),
    name     text   not null check (length(trim(name)) > 0),
    plural   text   not null check (length(trim(plural)) > 0),
    primary key (plan_id, position),
    unique (plan_id, kind)
);
