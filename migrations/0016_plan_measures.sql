-- The measure frozen at approval (miernik zamrożony przy zatwierdzeniu, issue 15): when a reviewer
-- approves a version of a plan, what its goal will be judged by is written here, once per
-- (plan, version), and never changed: what is counted (source and categories), where (the plan's
-- district), the baseline windows, the comparison area and the decision rule. The evaluation reads
-- this row, not the plan's current content, so a later draft cannot move the goalposts; a plan
-- returned or revised and approved again gets a new row for its new version.
CREATE TABLE plan_measures (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id     uuid NOT NULL REFERENCES plans (id),
  version     integer NOT NULL CHECK (version >= 1),
  unit_id     text NOT NULL REFERENCES units (id),
  kind        text NOT NULL CHECK (kind IN ('count', 'survey', 'qualitative')),
  -- modules/plans/measure/model.ts `FrozenMeasure` (without the ids above).
  measure     jsonb NOT NULL,
  frozen_by   text NOT NULL,
  frozen_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, version)
);

CREATE FUNCTION plan_measures_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'plan_measures rows are frozen at approval' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER plan_measures_frozen BEFORE UPDATE OR DELETE ON plan_measures
  FOR EACH ROW EXECUTE FUNCTION plan_measures_reject_change();

CREATE TRIGGER plan_measures_audit AFTER INSERT OR UPDATE OR DELETE ON plan_measures
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
