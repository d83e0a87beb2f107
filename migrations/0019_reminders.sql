-- E-mail reminders before deadlines (issue 15): each person responsible gets one e-mail per run of
-- the reminder job, listing the deadlines of their districts due in the configured number of days
-- (app_settings `dashboard_settings`, `reminderDays`) or just missed. A row here says that this
-- person was reminded of this deadline at this stage, so a rerun of the job, or a second app
-- instance running it at the same time, never sends the same reminder twice (the primary key; the
-- job claims its rows in the transaction that queues the e-mail, modules/dashboard/reminders).
--   deadline_key: what the deadline is and when it falls, e.g. "plan:<id>:submission:2026-12-18"
--                 (a deadline moved to another day is a new deadline, reminded of again);
--   days_before:  the stage, days before the deadline (0 on its last day), -1 once it is missed.
CREATE TABLE reminders_sent (
  deadline_key text NOT NULL CHECK (length(deadline_key) <= 200),
  recipient    uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  days_before  integer NOT NULL CHECK (days_before BETWEEN -1 AND 60),
  unit_id      text NOT NULL REFERENCES units (id),
  sent_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deadline_key, recipient, days_before)
);
CREATE INDEX reminders_sent_recipient_idx ON reminders_sent (recipient);

CREATE TRIGGER reminders_sent_audit AFTER INSERT OR UPDATE OR DELETE ON reminders_sent
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
