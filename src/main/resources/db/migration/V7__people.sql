-- People who sign in. A person's name or job title matching an element's or measure's lead is what
-- makes them its lead: "Chief Social Work Officer" updates the actions the plan gives that lead.
create table account (
    id              bigserial primary key,
    username        text        not null unique,
    display_name    text        not null,
    email           text,
    job_title       text,
    partner_id      bigint references partner (id),
    -- an adaptive hash with its algorithm named ("{bcrypt}..."); null for single sign-on only
    password_hash   text,
    enabled         boolean     not null default true,
    failed_sign_ins int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);
create unique index account_email on account (lower(email));

-- A role held for one partnership (and so its plans), for one plan, or, with neither, everywhere.
create table role_grant (
    id             bigserial primary key,
    account_id     bigint not null references account (id) on delete cascade,
    role           text   not null check (role in ('administrator', 'plan-owner', 'contributor', 'viewer')),
    partnership_id bigint references partnership (id) on delete cascade,
    plan_id        bigint references plan (id) on delete cascade,
    check (partnership_id is null or plan_id is null)
);
create index role_grant_account on role_grant (account_id);

-- Personal access tokens for scripts and feeds; only a hash of the secret is kept.
create table access_token (
    id           bigserial primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,
    hint         text        not null,
    created_at   timestamptz not null default now(),
    expires_on   date,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
