-- What the open-data values file writes, for PostgreSQL to write it itself (COPY ... TO STDOUT) straight to the
-- download: the same as Period.code() and SpreadsheetCells.csv() write, which CopiedCellsTests holds them to.

-- A period's code: "2022/23" (financial or academic year), "2022", "2022-Q3", "2022-09".
create function period_code(period_type text, period_start date) returns text immutable language sql as $$
    select case period_type
        when 'calendar-year' then to_char(period_start, 'FMYYYY')
        when 'quarter' then to_char(period_start, 'FMYYYY') || '-Q' || extract(quarter from period_start)
        when 'month' then to_char(period_start, 'FMYYYY-MM')
        else to_char(period_start, 'FMYYYY') || '/' || to_char(period_start + interval '1 year', 'YY')
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
    select coalesce((select substr(part, length(dimension) + 2) from unnest(string_to_array(breakdown, ';')) part
                     where split_part(part, '=', 1) = dimension limit 1), '')
$$;
