-- Every council area of Scotland by its code today, the other names councils' files call them by, and the codes
-- four of them had before the boundary changes of 2018 and 2019, so a file by name or by an old code loads.
-- Source: Public Health Scotland, council area - HSCP - health board lookup (phs_council_area_hscp_hb_lookup.csv).
-- Contains public sector information licensed under the Open Government Licence v3.0.
insert into geography (code, name, level) values
  ('S12000006', 'Dumfries and Galloway', 'council-area'),
  ('S12000008', 'East Ayrshire', 'council-area'),
  ('S12000010', 'East Lothian', 'council-area'),
  ('S12000011', 'East Renfrewshire', 'council-area'),
  ('S12000013', 'Na h-Eileanan Siar', 'council-area'),
  ('S12000014', 'Falkirk', 'council-area'),
  ('S12000017', 'Highland', 'council-area'),
  ('S12000018', 'Inverclyde', 'council-area'),
  ('S12000019', 'Midlothian', 'council-area'),
  ('S12000020', 'Moray', 'council-area'),
  ('S12000021', 'North Ayrshire', 'council-area'),
  ('S12000023', 'Orkney Islands', 'council-area'),
  ('S12000026', 'Scottish Borders', 'council-area'),
  ('S12000027', 'Shetland Islands', 'council-area'),
  ('S12000028', 'South Ayrshire', 'council-area'),
  ('S12000029', 'South Lanarkshire', 'council-area'),
  ('S12000033', 'Aberdeen City', 'council-area'),
  ('S12000034', 'Aberdeenshire', 'council-area'),
  ('S12000035', 'Argyll and Bute', 'council-area'),
  ('S12000036', 'City of Edinburgh', 'council-area'),
  ('S12000038', 'Renfrewshire', 'council-area'),
  ('S12000039', 'West Dunbartonshire', 'council-area'),
  ('S12000040', 'West Lothian', 'council-area'),
  ('S12000041', 'Angus', 'council-area'),
  ('S12000042', 'Dundee City', 'council-area'),
  ('S12000045', 'East Dunbartonshire', 'council-area'),
  ('S12000047', 'Fife', 'council-area'),
  ('S12000048', 'Perth and Kinross', 'council-area'),
  ('S12000049', 'Glasgow City', 'council-area'),
  ('S12000050', 'North Lanarkshire', 'council-area')
on conflict (code) do nothing;

-- Another name or an old code for a place, written as PlaceNames compares names: lower case, "&" as "and",
-- without "council", "city of" or "city", one space between words.
create table geography_alias (
    alias text collate "C" primary key,
    code  text collate "C" not null references geography (code) on delete cascade
);
insert into geography_alias (alias, code) values
  ('eilean siar', 'S12000013'), ('comhairle nan eilean siar', 'S12000013'), ('western isles', 'S12000013'),
  ('orkney', 'S12000023'), ('shetland', 'S12000027'), ('borders', 'S12000026'),
  ('s12000015', 'S12000047'), ('s12000024', 'S12000048'), ('s12000046', 'S12000049'), ('s12000044', 'S12000050');
