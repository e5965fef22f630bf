-- Slices of an annual inspection campaign (年检批次分片): the scope's credit codes cut into ranges
-- [first_code, end_code) when the campaign is first registered, so that several job-executor threads
-- (or nodes) open chunks at once. A chunk locks its slice's row instead of the campaign's: two runs
-- of the same slice take turns, different slices run side by side. The ranges cover every possible
-- code and never change, so each institution, even one filed later, lies in exactly one slice.
create table inspection_campaign_slice (
  inspection_year integer     not null,
  county_code     varchar(6)  not null,
  slice_no        integer     not null,
  first_code      varchar(18),           -- inclusive; null: from the first code
  end_code        varchar(18),           -- exclusive; null: up to the last code
  primary key (inspection_year, county_code, slice_no),
  foreign key (inspection_year, county_code) references inspection_campaign (inspection_year, county_code)
);
