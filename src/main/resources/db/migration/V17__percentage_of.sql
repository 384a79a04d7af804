-- A percentage of another amount rather than a share of a whole, which may pass 100 or fall below 0: reserves as a
-- percentage of a budget, a gender pay gap.
alter table measure drop constraint measure_unit_check;
alter table measure add constraint measure_unit_check
    check (unit in ('percentage', 'percentage-points', 'rate', 'count', 'money', 'years', 'index', 'percentage-of'));
