-- Indicator data (dane wskaźnikowe, issue 15): counts of incidents or interventions a unit imports
-- from CSV (an export of its records), by day, category and district. One row per
-- (unit, category, district, day): an import REPLACES the count of every cell its file names
-- instead of adding to it, so importing the same file again, or an overlapping export of the next
-- month, never counts an event twice. A cell a later file leaves out keeps its count. Each file's
-- report (accepted, rejected lines and why) is kept in `indicator_imports` for the staff page.
CREATE TABLE indicator_imports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     text NOT NULL REFERENCES units (id),
  file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  accepted    integer NOT NULL CHECK (accepted >= 0),
  -- Lines read: accepted + rejected (header excluded).
  lines       integer NOT NULL CHECK (lines >= accepted),
  -- The first rejected lines: [{ "line": 7, "pl": "…", "en": "…" }].
  rejected    jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX indicator_imports_unit_idx ON indicator_imports (unit_id, imported_at DESC);

CREATE TABLE indicator_counts (
  unit_id     text NOT NULL REFERENCES units (id),
  -- As written in the unit's files, spaces folded ("kradzież z włamaniem"); compared exactly.
  category    text NOT NULL CHECK (length(category) BETWEEN 1 AND 100),
  district_id text NOT NULL REFERENCES districts (id),
  on_day      date NOT NULL,
  count       integer NOT NULL CHECK (count BETWEEN 0 AND 100000),
  -- The import that last set this cell.
  import_id   uuid NOT NULL REFERENCES indicator_imports (id),
  PRIMARY KEY (unit_id, category, district_id, on_day)
);
CREATE INDEX indicator_counts_district_idx ON indicator_counts (district_id, category, on_day);

CREATE TRIGGER indicator_imports_audit AFTER INSERT OR UPDATE OR DELETE ON indicator_imports
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
CREATE TRIGGER indicator_counts_audit AFTER INSERT OR UPDATE OR DELETE ON indicator_counts
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
