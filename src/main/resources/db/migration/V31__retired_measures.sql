-- A measure no plan uses any more is retired rather than lost: it leaves the lists, its values and history stay.
alter table measure add column retired_on date;
