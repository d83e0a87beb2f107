-- Files a resident attaches to a threat report (issue 17): photos, videos, documents, seen only by
-- the police who may read the report. The bytes live in a file store (platform/files): the
-- directory DATA_DIR/files on the embedded back end, `stored_files` below or S3 on the server.
-- A row here is the file's only link to the report; the name the resident's device gave the file
-- is not kept (names such as "Jan_Kowalski_balkon.jpg" carry personal data), only the kind.
CREATE TABLE report_attachments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id     bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  -- The order the resident attached them in (1, 2, 3): the download's file name.
  position      smallint NOT NULL CHECK (position BETWEEN 1 AND 50),
  store_key     text NOT NULL UNIQUE CHECK (store_key ~ '^[0-9a-f]{32}$'),
  kind          text NOT NULL CHECK (kind IN ('jpeg', 'png', 'pdf', 'mp4', 'mov', '3gp', 'docx', 'doc', 'txt')),
  content_type  text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 120),
  size          integer NOT NULL CHECK (size > 0),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, position)
);

-- Who attached what is on record with the report's other rows (no personal data in these columns).
CREATE TRIGGER report_attachments_audit AFTER INSERT OR UPDATE OR DELETE ON report_attachments
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');

-- The server back end's default file store (FILE_STORE=database): one row per file, by its random key.
CREATE TABLE stored_files (
  key           text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{32}$'),
  content_type  text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 120),
  bytes         bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
