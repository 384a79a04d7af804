-- Measure definitions (population indicators and performance measures) and where plans use them.
create table measure (
    id        bigserial primary key,
    code      text not null unique,
    title     text not null,
    direction text not null check (direction in ('increase', 'reduce', 'none'))
);

create table measure_use (
    measure_id bigint not null references measure (id) on delete cascade,
    element_id bigint not null references plan_element (id) on delete cascade,
    position   int    not null,
    primary key (measure_id, element_id)
);
create index measure_use_element on measure_use (element_id);
