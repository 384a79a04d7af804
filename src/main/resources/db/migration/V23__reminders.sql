-- Every reminder and digest sent, so that none goes twice for the same thing on the same day, and owners
-- can see who was reminded of what: before, on and after a deadline to leads, escalated to plan owners,
-- sent by hand from the owner's cockpit, and the weekly digest (which is of no one period).
create table reminder (
    id         bigserial primary key,
    account_id bigint      not null references account (id) on delete cascade,
    period_id  bigint      references reporting_period (id) on delete cascade,
    kind       text        not null check (kind in ('before-deadline', 'on-deadline', 'after-deadline', 'escalation', 'manual', 'digest')),
    sent_on    date        not null,
    sent_at    timestamptz not null default now(),
    subject    text        not null default ''
);
create unique index reminder_once_a_day on reminder (account_id, coalesce(period_id, 0), kind, sent_on);
create index reminder_period on reminder (period_id);

insert into reminder (account_id, period_id, kind, sent_on, sent_at)
select account_id, period_id, kind, sent_at::date, sent_at from reminder_sent;
drop table reminder_sent;
