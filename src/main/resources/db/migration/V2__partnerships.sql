create table partnership (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    kind        text not null check (kind in ('community-planning-partnership', 'leadership-group', 'thematic', 'place-based')),
    parent_id   bigint references partnership (id),
    area        text,
    description text
);

create table partner (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    statutory   boolean not null default false,
    description text
);

create table partnership_member (
    partnership_id bigint not null references partnership (id) on delete cascade,
    partner_id     bigint not null references partner (id) on delete cascade,
    primary key (partnership_id, partner_id)
);
