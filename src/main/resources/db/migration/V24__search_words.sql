-- The words of each plan, plan element and measure, kept by PostgreSQL beside it (in English, stemmed) and
-- indexed, so that a search reads what matches rather than everything.
alter table plan add column words tsvector generated always as (
    to_tsvector('english', coalesce(code, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, ''))) stored;
create index plan_words on plan using gin (words);

alter table plan_element add column words tsvector generated always as (
    to_tsvector('english', coalesce(code, '') || ' ' || coalesce(title, '') || ' ' || coalesce(short_title, '') || ' '
                           || coalesce(description, '') || ' ' || coalesce(latest_note, ''))) stored;
create index plan_element_words on plan_element using gin (words);

alter table measure add column words tsvector generated always as (
    to_tsvector('english', coalesce(code, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, '') || ' '
                           || coalesce(source, ''))) stored;
create index measure_words on measure using gin (words);
