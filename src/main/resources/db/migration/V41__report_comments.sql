-- The community's say on a draft annual report: the dates the owner opens it for comment, and each comment, held until
-- the owner publishes or declines it (with the reason), with the owner's reply. A name is optional and an email
-- address, if given, is for the partnership alone. The sender is a one-way hash of where a comment came from and the
-- day, kept only to limit how many comments one sender sends.
alter table annual_report add column comments_from date, add column comments_to date,
    add check (comments_to is null or comments_from is not null and comments_to >= comments_from);

create table annual_report_comment (
    id           bigserial primary key,
    report_id    bigint      not null references annual_report (id) on delete cascade,
    about        text,
    name         text,
    email        text,
    text         text        not null check (length(trim(text)) between 1 and 2000),
    received_at  timestamptz not null default now(),
    sender       text        not null,
    status       text        not null default 'held' check (status in ('held', 'published', 'declined')),
    reason       text,
    reply        text,
    moderated_by text,
    moderated_at timestamptz,
    check (status <> 'declined' or reason is not null)
);
create index annual_report_comment_report on annual_report_comment (report_id, status);
create index annual_report_comment_sender on annual_report_comment (sender, received_at);
