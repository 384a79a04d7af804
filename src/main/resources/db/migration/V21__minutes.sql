-- A time in minutes: SIMD's average drive and public transport times to a GP, a post office, a school.
alter table measure drop constraint measure_unit_check;
alter table measure add constraint measure_unit_check
    check (unit in ('percentage', 'percentage-points', 'rate', 'count', 'money', 'years', 'index', 'percentage-of', 'minutes'));
