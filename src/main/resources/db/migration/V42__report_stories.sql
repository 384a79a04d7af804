-- The stories an annual report tells beside its figures: a case study's title and text, a picture with the words that
-- say what it shows for those who cannot see it, and the part of the plan it illustrates.
create table annual_report_story (
    id           bigserial primary key,
    report_id    bigint not null references annual_report (id) on delete cascade,
    element_id   bigint references plan_element (id) on delete set null,
    title        text   not null check (length(trim(title)) > 0),
    text         text   not null check (length(trim(text)) > 0),
    picture      bytea,
    picture_type text check (picture_type in ('image/png', 'image/jpeg')),
    alt_text     text,
    check ((picture is null) = (picture_type is null) and (picture is null or length(trim(alt_text)) > 0))
);
create index annual_report_story_report on annual_report_story (report_id);
