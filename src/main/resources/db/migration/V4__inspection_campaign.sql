-- Annual inspection campaigns (年检批次): one row per year and scope (a county, or 610600 for the
-- whole city). The row is what concurrent runs of the same campaign lock, so each institution's
-- inspection is opened once; progress itself is counted from the inspection table.
create table inspection_campaign (
  inspection_year integer     not null,
  county_code     varchar(6)  not null references county (code),
  started_by      varchar(64),
  started_at      timestamp with time zone not null,
  finished_at     timestamp with time zone,
  primary key (inspection_year, county_code)
);
