-- Annual inspection (AnnualInspectionProcess): the institution's self-inspection report (年度自查报告),
-- the county health clerk's desk review (书面审查) and the reason of a special inspection (专项检查).
alter table inspection add column self_report             varchar(4000);
alter table inspection add column self_report_children    integer;        -- 在托婴幼儿数 as declared
alter table inspection add column self_report_staff       integer;        -- 工作人员数 as declared
alter table inspection add column self_report_incidents   integer;        -- 本年度安全事故数 as declared
alter table inspection add column self_report_submitted_at timestamp with time zone;
alter table inspection add column self_report_overdue     boolean not null default false;  -- 逾期未提交自查报告
alter table inspection add column desk_review_note        varchar(1000);
alter table inspection add column desk_reviewed_by        varchar(64);
alter table inspection add column desk_reviewed_at        timestamp with time zone;
alter table inspection add column special_reason          varchar(500);   -- SPECIAL: why it was ordered
