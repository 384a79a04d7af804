-- What the open-data values file writes, for PostgreSQL to write it itself (COPY ... TO STDOUT) straight to the
-- download: the same as Period.code() and SpreadsheetCells.csv() write, which CopiedCellsTests holds them to.

-- A period's code: "2022/23" (financial or academic year), "2022", "2022-Q3", "2022-09". Each of these functions is
-- one expression of immutable parts (text joined to text, no to_char), so that PostgreSQL writes it into the query
-- rather than calling a function for each row: a third of the time of the whole file.
create function period_code(period_type text, period_start date) returns text immutable language sql as $$
    select case period_type
        when 'calendar-year' then date_part('year', period_start)::int::text
        when 'quarter' then date_part('year', period_start)::int::text || '-Q' || date_part('quarter', period_start)::int::text
        when 'month' then date_part('year', period_start)::int::text || '-' || lpad(date_part('month', period_start)::int::text, 2, '0')
        else date_part('year', period_start)::int::text || '/' || lpad(((date_part('year', period_start)::int + 1) % 100)::text, 2, '0')
    end
$$;

-- A text cell a spreadsheet will not run as a formula: one starting =, +, -, @, a tab or a carriage return, and
-- not a number, gets an apostrophe before it.
create function csv_cell(cell text) returns text immutable language sql as $$
    select case when left(cell, 1) in ('=', '+', '-', '@', chr(9), chr(13)) and cell !~ '^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$'
        then '''' || cell else cell end
$$;

-- One dimension's value of a breakdown such as "Age=16-24;Sex=Female", or '' where it has none.
create function breakdown_value(breakdown text, dimension text) returns text immutable language sql as $$
    select split_part(split_part(';' || breakdown, ';' || dimension || '=', 2), ';', 1)
$$;
