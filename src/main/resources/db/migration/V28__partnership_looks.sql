-- A partnership's own look on its public pages and in its report files: its colour (white text on it passes WCAG AA),
-- the font its Word files use, its logo and the footer's contact and licence lines. A partnership without one
-- takes its parent's.
create table partnership_look (
    partnership_id bigint primary key references partnership (id) on delete cascade,
    colour         text not null check (colour ~ '^#[0-9a-f]{6}$'),
    font           text not null,
    contact        text not null default '',
    licence        text not null default '',
    logo           bytea,
    logo_type      text check (logo_type in ('image/png', 'image/jpeg')),
    logo_width     integer,
    logo_height    integer,
    version        integer not null default 1
);
