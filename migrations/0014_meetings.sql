-- Meetings and debates with residents (spotkania, debaty społeczne; issue 15). A public event of
-- one unit, about one or more of its districts, on one day in Polish time. Changes bump `sequence`
-- (the iCalendar SEQUENCE); a cancelled event stays, marked cancelled. After its day the staff
-- record how many came and the topics raised.
CREATE TABLE meetings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id        text NOT NULL REFERENCES units (id),
  district_ids   text[] NOT NULL CHECK (cardinality(district_ids) BETWEEN 1 AND 50),
  kind           text NOT NULL CHECK (kind IN ('meeting', 'debate', 'consultation', 'other')),
  on_day         date NOT NULL,
  -- Wall-clock times in Europe/Warsaw, "HH:MM".
  starts_at      text NOT NULL CHECK (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ends_at        text NOT NULL CHECK (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ends_at > starts_at),
  place          text NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 300),
  topic          text NOT NULL CHECK (length(btrim(topic)) BETWEEN 1 AND 500),
  sequence       integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  cancelled_at   timestamptz,
  participants   integer CHECK (participants BETWEEN 0 AND 100000),
  topics_raised  text CHECK (length(topics_raised) <= 4000),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_unit_day_idx ON meetings (unit_id, on_day);
CREATE INDEX meetings_districts_idx ON meetings USING gin (district_ids);

CREATE TRIGGER meetings_audit AFTER INSERT OR UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
