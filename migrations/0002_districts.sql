-- Districts (rejony służbowe), officers and their assignments; contact details of units.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Public contact details of a unit (the answer residents look for).
ALTER TABLE units
  ADD COLUMN street        text,
  ADD COLUMN postal_code   text CHECK (postal_code IS NULL OR postal_code ~ '^\d{2}-\d{3}$'),
  ADD COLUMN locality      text,
  ADD COLUMN phone         text,
  ADD COLUMN email         text,
  ADD COLUMN website       text,
  ADD COLUMN opening_hours text,
  ADD COLUMN lat           double precision CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  ADD COLUMN lon           double precision CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  -- The unit's territory (e.g. its county), for "this point is in the area of KPP …" answers.
  ADD COLUMN area_polygon  jsonb CHECK (area_polygon IS NULL OR area_polygon ->> 'type' = 'MultiPolygon'),
  ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now();

-- A district: its number is unique within its unit; its phone and e-mail stay with the district
-- when the officer changes. Its area: street rules (jsonb array of StreetRule) and/or a polygon.
CREATE TABLE districts (
  id           text PRIMARY KEY,  -- "<unit id>/<number>", e.g. kpp-lubartow/3
  unit_id      text NOT NULL REFERENCES units (id),
  number       integer NOT NULL CHECK (number BETWEEN 1 AND 9999),
  name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  phone        text,
  email        text,
  area_rules   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(area_rules) = 'array'),
  area_polygon jsonb CHECK (area_polygon IS NULL OR area_polygon ->> 'type' = 'MultiPolygon'),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz,
  CHECK (id = unit_id || '/' || number),
  UNIQUE (unit_id, number),
  UNIQUE (id, unit_id)
);
CREATE INDEX districts_unit_idx ON districts (unit_id);

-- Police officers (policjanci) shown to the public: rank and name. Optionally linked to an account.
CREATE TABLE officers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id     text NOT NULL REFERENCES units (id),
  rank        text NOT NULL CHECK (length(btrim(rank)) BETWEEN 1 AND 60),
  first_name  text NOT NULL CHECK (length(btrim(first_name)) BETWEEN 1 AND 80),
  last_name   text NOT NULL CHECK (length(btrim(last_name)) BETWEEN 1 AND 80),
  position    text NOT NULL DEFAULT 'district_officer'
              CHECK (position IN ('district_officer', 'supervisor', 'commander', 'other')),
  account_id  uuid UNIQUE REFERENCES accounts (id),
  demo        boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz
);
CREATE INDEX officers_unit_idx ON officers (unit_id);

-- Who serves a district when: the district's officer (regular) or a substitute (zastępca).
-- History is kept; periods of one kind never overlap within a district.
CREATE TABLE assignments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id text NOT NULL,
  unit_id     text NOT NULL,
  officer_id  uuid NOT NULL REFERENCES officers (id),
  kind        text NOT NULL CHECK (kind IN ('regular', 'substitute')),
  starts_on   date NOT NULL,
  ends_on     date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  FOREIGN KEY (district_id, unit_id) REFERENCES districts (id, unit_id) ON UPDATE CASCADE,
  EXCLUDE USING gist (district_id WITH =, kind WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);
CREATE INDEX assignments_officer_idx ON assignments (officer_id);

-- Bumped on every change that affects what the locator answers, so every app instance can
-- notice and rebuild its in-memory index.
INSERT INTO app_settings (key, value) VALUES ('register_version', '0');
CREATE FUNCTION bump_register_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE app_settings SET value = to_jsonb((value #>> '{}')::bigint + 1), updated_at = now()
  WHERE key = 'register_version';
  RETURN NULL;
END
$$;

CREATE TRIGGER districts_audit AFTER INSERT OR UPDATE OR DELETE ON districts
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
CREATE TRIGGER officers_audit AFTER INSERT OR UPDATE OR DELETE ON officers
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
CREATE TRIGGER assignments_audit AFTER INSERT OR UPDATE OR DELETE ON assignments
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');

CREATE TRIGGER districts_register_version AFTER INSERT OR UPDATE OR DELETE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER officers_register_version AFTER INSERT OR UPDATE OR DELETE ON officers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER assignments_register_version AFTER INSERT OR UPDATE OR DELETE ON assignments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
CREATE TRIGGER units_register_version AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_register_version();
