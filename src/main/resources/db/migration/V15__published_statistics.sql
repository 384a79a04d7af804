-- What a value carries beside itself where its publisher gives it: the numerator and denominator it was worked out
-- from (a rate for a group of places is their sums' ratio, never the mean of the rates), and its confidence interval.
alter table observation
    add column numerator numeric,
    add column denominator numeric,
    add column lower_ci numeric,
    add column upper_ci numeric;

-- A measure judged on its own n-year rolling average, as many survey-based indicators are published.
alter table measure add column rolling_years int check (rolling_years between 2 and 10);

-- A mapping of a file's columns saved under a name, to be chosen again; the built-in layouts are in the code.
create table import_layout (
    name       text primary key,
    mapping    jsonb       not null,
    saved_by   text        not null,
    saved_at   timestamptz not null default now()
);

-- A file uploaded to be mapped, kept while its person maps and previews it; gone once loaded or after a day.
create table import_upload (
    id          uuid primary key,
    file_name   text        not null,
    content     bytea       not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null default now()
);

-- The Local Government Benchmarking Framework's family groups: councils alike in deprivation (for children's, social
-- work and housing indicators) or in sparsity (for the rest), as the Improvement Service publishes them.
-- Source: LGBF_Family_Groups.csv, Improvement Service. Contains public sector information licensed under the Open
-- Government Licence v3.0.
insert into geography (code, name, level) values
  ('LGBF-C1', 'LGBF family group 1 (children, social work and housing)', 'family-group'),
  ('LGBF-C2', 'LGBF family group 2 (children, social work and housing)', 'family-group'),
  ('LGBF-C3', 'LGBF family group 3 (children, social work and housing)', 'family-group'),
  ('LGBF-C4', 'LGBF family group 4 (children, social work and housing)', 'family-group'),
  ('LGBF-E1', 'LGBF family group 1 (environment, culture and leisure, economy, corporate and property)', 'family-group'),
  ('LGBF-E2', 'LGBF family group 2 (environment, culture and leisure, economy, corporate and property)', 'family-group'),
  ('LGBF-E3', 'LGBF family group 3 (environment, culture and leisure, economy, corporate and property)', 'family-group'),
  ('LGBF-E4', 'LGBF family group 4 (environment, culture and leisure, economy, corporate and property)', 'family-group');
insert into geography_member (family_group, member) values
  ('LGBF-E1', 'S12000013'),
  ('LGBF-E1', 'S12000035'),
  ('LGBF-E1', 'S12000027'),
  ('LGBF-E1', 'S12000017'),
  ('LGBF-E1', 'S12000023'),
  ('LGBF-E1', 'S12000026'),
  ('LGBF-E1', 'S12000006'),
  ('LGBF-E1', 'S12000034'),
  ('LGBF-E2', 'S12000048'),
  ('LGBF-E2', 'S12000030'),
  ('LGBF-E2', 'S12000020'),
  ('LGBF-E2', 'S12000028'),
  ('LGBF-E2', 'S12000008'),
  ('LGBF-E2', 'S12000010'),
  ('LGBF-E2', 'S12000021'),
  ('LGBF-E2', 'S12000047'),
  ('LGBF-E3', 'S12000041'),
  ('LGBF-E3', 'S12000005'),
  ('LGBF-E3', 'S12000019'),
  ('LGBF-E3', 'S12000029'),
  ('LGBF-E3', 'S12000018'),
  ('LGBF-E3', 'S12000038'),
  ('LGBF-E3', 'S12000040'),
  ('LGBF-E3', 'S12000011'),
  ('LGBF-E4', 'S12000050'),
  ('LGBF-E4', 'S12000014'),
  ('LGBF-E4', 'S12000045'),
  ('LGBF-E4', 'S12000033'),
  ('LGBF-E4', 'S12000036'),
  ('LGBF-E4', 'S12000039'),
  ('LGBF-E4', 'S12000042'),
  ('LGBF-E4', 'S12000049'),
  ('LGBF-C1', 'S12000011'),
  ('LGBF-C1', 'S12000045'),
  ('LGBF-C1', 'S12000034'),
  ('LGBF-C1', 'S12000036'),
  ('LGBF-C1', 'S12000048'),
  ('LGBF-C1', 'S12000033'),
  ('LGBF-C1', 'S12000027'),
  ('LGBF-C1', 'S12000023'),
  ('LGBF-C2', 'S12000020'),
  ('LGBF-C2', 'S12000030'),
  ('LGBF-C2', 'S12000010'),
  ('LGBF-C2', 'S12000041'),
  ('LGBF-C2', 'S12000026'),
  ('LGBF-C2', 'S12000017'),
  ('LGBF-C2', 'S12000035'),
  ('LGBF-C2', 'S12000019'),
  ('LGBF-C3', 'S12000014'),
  ('LGBF-C3', 'S12000006'),
  ('LGBF-C3', 'S12000047'),
  ('LGBF-C3', 'S12000028'),
  ('LGBF-C3', 'S12000040'),
  ('LGBF-C3', 'S12000029'),
  ('LGBF-C3', 'S12000038'),
  ('LGBF-C3', 'S12000005'),
  ('LGBF-C4', 'S12000013'),
  ('LGBF-C4', 'S12000042'),
  ('LGBF-C4', 'S12000008'),
  ('LGBF-C4', 'S12000021'),
  ('LGBF-C4', 'S12000050'),
  ('LGBF-C4', 'S12000018'),
  ('LGBF-C4', 'S12000039'),
  ('LGBF-C4', 'S12000049');

-- The family group average LGBF publishes beside each council's value, one place a council: LGBF's grouping of a
-- council has changed over the years, so its published average belongs to the council's row, not to one fixed group.
insert into geography (code, name, level) values
  ('FG-S12000005', 'Clackmannanshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000006', 'Dumfries and Galloway''s family group (LGBF)', 'family-group'),
  ('FG-S12000008', 'East Ayrshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000010', 'East Lothian''s family group (LGBF)', 'family-group'),
  ('FG-S12000011', 'East Renfrewshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000013', 'Na h-Eileanan Siar''s family group (LGBF)', 'family-group'),
  ('FG-S12000014', 'Falkirk''s family group (LGBF)', 'family-group'),
  ('FG-S12000017', 'Highland''s family group (LGBF)', 'family-group'),
  ('FG-S12000018', 'Inverclyde''s family group (LGBF)', 'family-group'),
  ('FG-S12000019', 'Midlothian''s family group (LGBF)', 'family-group'),
  ('FG-S12000020', 'Moray''s family group (LGBF)', 'family-group'),
  ('FG-S12000021', 'North Ayrshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000023', 'Orkney Islands''s family group (LGBF)', 'family-group'),
  ('FG-S12000026', 'Scottish Borders''s family group (LGBF)', 'family-group'),
  ('FG-S12000027', 'Shetland Islands''s family group (LGBF)', 'family-group'),
  ('FG-S12000028', 'South Ayrshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000029', 'South Lanarkshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000030', 'Stirling''s family group (LGBF)', 'family-group'),
  ('FG-S12000033', 'Aberdeen City''s family group (LGBF)', 'family-group'),
  ('FG-S12000034', 'Aberdeenshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000035', 'Argyll and Bute''s family group (LGBF)', 'family-group'),
  ('FG-S12000036', 'City of Edinburgh''s family group (LGBF)', 'family-group'),
  ('FG-S12000038', 'Renfrewshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000039', 'West Dunbartonshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000040', 'West Lothian''s family group (LGBF)', 'family-group'),
  ('FG-S12000041', 'Angus''s family group (LGBF)', 'family-group'),
  ('FG-S12000042', 'Dundee City''s family group (LGBF)', 'family-group'),
  ('FG-S12000045', 'East Dunbartonshire''s family group (LGBF)', 'family-group'),
  ('FG-S12000047', 'Fife''s family group (LGBF)', 'family-group'),
  ('FG-S12000048', 'Perth and Kinross''s family group (LGBF)', 'family-group'),
  ('FG-S12000049', 'Glasgow City''s family group (LGBF)', 'family-group'),
  ('FG-S12000050', 'North Lanarkshire''s family group (LGBF)', 'family-group');
