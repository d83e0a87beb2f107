-- Plans imported into the library from files (issue 12). A plan of a past period that a unit has
-- already published on its website is imported as an archived published plan (status 'closed');
-- the file it was read from is kept beside it, unchanged, so anyone on the staff can see what the
-- import was made of. A row here is also the plan's "imported" marker (zaimportowany).
CREATE TABLE plan_sources (
  plan_id      uuid PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  unit_id      text NOT NULL REFERENCES units (id),
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type   text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 120),
  size         integer NOT NULL CHECK (size >= 0 AND size = octet_length(bytes)),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes        bytea NOT NULL,
  imported_by  text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_sources_sha256_idx ON plan_sources (sha256);

-- Audited like plans; the file's bytes are logged only as "changed" (they are in the row itself).
CREATE TRIGGER plan_sources_audit AFTER INSERT OR UPDATE OR DELETE ON plan_sources
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id', 'bytes');
