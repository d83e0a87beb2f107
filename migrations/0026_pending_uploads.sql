-- Files written to the file store before the transaction that links them to a report (issue 17).
-- A key is recorded here, in its own statement, before its file is put; the report's transaction
-- deletes the row when it commits (so a committed report ⇔ no row), and a failed submission deletes
-- the file and then the row. A row that stays for long means the process died in between (kill -9,
-- a power cut): the retention job deletes such a file, which nobody could otherwise reach, without
-- listing the store (S3 has no list in our client). Keys only: no personal data here.
CREATE TABLE pending_uploads (
  store_key   text PRIMARY KEY CHECK (store_key ~ '^[0-9a-f]{32}$'),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The sweep reads the oldest rows first.
CREATE INDEX pending_uploads_created_at ON pending_uploads (created_at);
