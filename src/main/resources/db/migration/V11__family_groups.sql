-- A named family group of similar councils: the comparator beside Scotland. Its value for a period is the
-- average of its member councils' values.
create table geography_member (
    family_group text collate "C" not null references geography (code) on delete cascade,
    member       text collate "C" not null references geography (code) on delete cascade,
    primary key (family_group, member)
);

-- The family group a measure's place is compared with.
alter table measure add column family_group text collate "C" references geography (code);

-- The levels of place a measure is published for, such as {country, council-area}; none named, any.
alter table measure add column geography_levels text[] not null default '{}';
