-- Every create, update and delete of plans, elements, partnerships and measures: who, when, what, before, after.
create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null check (action in ('create', 'update', 'delete')),
    entity_type text        not null,
    entity_id   text        not null,
    summary     text        not null,
    before      jsonb,
    after       jsonb
);
create index audit_event_entity on audit_event (entity_type, entity_id);
