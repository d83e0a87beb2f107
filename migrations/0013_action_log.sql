-- The action log (dziennik działań, issue 15): what the district's officer (or the day's
-- substitute) did to carry out a published plan, one entry per thing done, linked to one action
-- of the plan. Actions live in the plan's JSON content and have no key of their own, so an entry
-- names the action by its position in the version being carried out (`plan_version`,
-- `action_index`) and keeps the action's text as it read then (`action_text`): a new version that
-- reorders or drops actions leaves old entries under the same position and still readable.
-- An entry is corrected or withdrawn only by its author, within 7 days of recording it
-- (modules/plans/action-log/rules.ts); a withdrawn entry stays, marked, for the audit.
CREATE TABLE plan_action_log (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id      uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  unit_id      text NOT NULL REFERENCES units (id),
  plan_version integer NOT NULL CHECK (plan_version >= 1),
  action_index integer NOT NULL CHECK (action_index >= 0),
  action_text  text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('patrol', 'meeting', 'debate', 'leaflets', 'talk', 'check', 'partner_meeting', 'other')),
  day          date NOT NULL,
  at_time      text CHECK (at_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place        text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  with_whom    text NOT NULL DEFAULT '' CHECK (length(with_whom) <= 200),
  note         text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  -- The officer marks that this entry finishes the action (the action is done).
  completes    boolean NOT NULL DEFAULT false,
  recorded_by  text NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  corrected_at timestamptz,
  withdrawn_at timestamptz
);
CREATE INDEX plan_action_log_plan_idx ON plan_action_log (plan_id, action_index, day);

CREATE TRIGGER plan_action_log_audit AFTER INSERT OR UPDATE OR DELETE ON plan_action_log
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
