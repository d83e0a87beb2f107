-- Placeholder on the issue11-reports branch only: number 0009 belongs to another branch of issue 11.
-- Migrations must be numbered without gaps, so this branch's 0010_report_floods.sql needs 0009 to
-- exist. When merging, keep the other branch's real 0009 and delete this file.
SELECT 1;
