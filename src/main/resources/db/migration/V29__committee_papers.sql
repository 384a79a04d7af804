-- Files a plan owner attaches to a committee report as its further appendices (Appendix 2 on): PDF or Word.
create table committee_appendix (
    id           bigserial primary key,
    report_id    bigint      not null references committee_report (id) on delete cascade,
    title        text        not null,
    file_name    text        not null,
    content_type text        not null check (content_type in ('application/pdf',
                                 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null default now()
);
create index committee_appendix_report on committee_appendix (report_id);

-- The exact files laid before the committee, kept, as background papers must be, for four years from the meeting.
create table laid_paper (
    id         bigserial primary key,
    report_id  bigint      not null references committee_report (id) on delete cascade,
    pdf        bytea       not null,
    docx       bytea       not null,
    laid_by    text        not null,
    laid_at    timestamptz not null default now(),
    kept_until date        not null
);
create index laid_paper_report on laid_paper (report_id);
