-- The SIMD editions loaded, each beside the others: the newest by its year is the one places are banded by.
create table simd_edition (
    name      text primary key,
    year      int  not null check (year between 2000 and 2100),
    file      text not null,
    loaded_by text not null,
    loaded_at timestamptz not null default now()
);
insert into simd_edition (name, year, file, loaded_by) values ('SIMD 2020v2', 2020, 'simd2020v2_datazone_combined.csv', 'migration V18');
alter table simd add constraint simd_edition_known foreign key (edition) references simd_edition (name);
