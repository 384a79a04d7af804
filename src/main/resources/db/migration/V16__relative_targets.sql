-- A target as its plan writes it ("10% more than the baseline", "close the gap to Scotland by half"), and how its
-- figure was worked out from the baseline or Scotland's value when it was set.
alter table measure_target add column relative text, add column basis text;
