-- Floods of reports from many addresses (issue 11): 3,000 reports from 3,000 addresses in 11 s were
-- all published and each mailed to its district. Limits that do not depend on the IP address:
--
-- * Per district (or per unit, for a report in no district) and hour, per category and in all:
--   reports beyond the limit are stored but held for review (`hold`): not mailed one by one, not
--   public, until the district's officer or a supervisor releases or rejects them. Nothing is lost.
-- * A district is mailed the first reports of an hour one by one; the rest (held or not) go into
--   one digest per district and period (`report_digests`), mailed when the period ends.
--
-- The limits are the `report_flood_settings` row of app_settings (defaults in the application's
-- rules/floods.ts): a real district receives a handful of reports a day.

-- Review of a report held back by a flood limit: 'held' until staff decide; 'rejected' stays hidden
-- (closed as a prank). NULL: an ordinary, public report (every report made before this migration).
ALTER TABLE reports ADD COLUMN hold text CHECK (hold IN ('held', 'rejected'));

-- One digest e-mail of a district: the reports arriving from `opened_at` to `closes_at` beyond the
-- hour's one-by-one mails. `queued_at`: when it went to the outbox (then no report joins it).
CREATE TABLE report_digests (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_id text NOT NULL REFERENCES districts (id),
  unit_id     text NOT NULL REFERENCES units (id),
  recipient   text NOT NULL CHECK (length(recipient) <= 254),
  opened_at   timestamptz NOT NULL DEFAULT now(),
  closes_at   timestamptz NOT NULL,
  queued_at   timestamptz,
  CHECK (closes_at > opened_at)
);
CREATE INDEX report_digests_open_idx ON report_digests (district_id, closes_at) WHERE queued_at IS NULL;
CREATE INDEX report_digests_due_idx ON report_digests (closes_at) WHERE queued_at IS NULL;
CREATE TRIGGER report_digests_audit AFTER INSERT OR UPDATE OR DELETE ON report_digests
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');

-- The digest that told the district of this report; NULL when it was mailed on its own (or not at all).
ALTER TABLE reports ADD COLUMN digest_id bigint REFERENCES report_digests (id);
CREATE INDEX reports_digest_idx ON reports (digest_id) WHERE digest_id IS NOT NULL;

-- The counts of the limits. A report's scope is its district, or its unit when it has none (district
-- ids hold a "/", unit ids never do, so one text column keys both). Counts stop at the limit (LIMIT
-- in a subquery), so a flood costs each new report a few index entries, not a scan of the flood.
CREATE INDEX reports_scope_category_idx ON reports ((coalesce(district_id, unit_id)), category_id, created_at);
CREATE INDEX reports_scope_idx ON reports ((coalesce(district_id, unit_id)), created_at);
-- Reports mailed one by one (neither in a digest nor held), for the hour's count of a district.
CREATE INDEX reports_mailed_idx ON reports (district_id, created_at) WHERE digest_id IS NULL AND hold IS NULL;
-- The staff queue's held reports.
CREATE INDEX reports_held_idx ON reports (unit_id, created_at) WHERE hold = 'held';

ALTER TABLE report_events DROP CONSTRAINT report_events_kind_check;
ALTER TABLE report_events ADD CONSTRAINT report_events_kind_check
  CHECK (kind IN ('created', 'status', 'assigned', 'confirmed_by_resident', 'held', 'released', 'rejected'));

-- The per-client limit now counts a client, not an address: the application stores in
-- `reporter_ip` (and in `report_confirmations.reporter_ip`) the client's key (`limitKeyOf`: an IPv4
-- address, or the /64 network of an IPv6 address, which one home or phone holds whole and may
-- change at every request). Rows made before this migration keep the full address; they age out of
-- the limit's window.

-- The lock of a report scope (a district, or a unit for reports in no district), held to the end of
-- the transaction: a new report's counts and digest (report_intake), and the mailing of a digest
-- (which waits for reports joining it to commit), happen one after another.
CREATE FUNCTION lock_report_scope(p_scope text) RETURNS void LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock(hashtext('report-scope:' || p_scope));
$$;

-- Everything a new report is checked against, in the order the locks are taken: the client's lock
-- and count (`reports_from_address`, migration 0008), then the lock of the report's scope and its
-- counts, and the digest to join. Each statement here reads what was committed before it ran, so
-- the counts see every report committed before the locks were granted (the calling statement's
-- own snapshot is older). Locks are held to the end of the transaction: reports of one scope are
-- decided one after another on every instance. The scope lock is always taken after the client
-- lock, never before, so two submissions cannot wait for each other.
--
-- Answers: the client's count and oldest report (the caller refuses at `p_client_max`), whether
-- the report is held, whether it is mailed on its own, and the digest it joins (mail to a district
-- only: `p_recipient` NULL means nobody is mailed).
CREATE FUNCTION report_intake(
  p_client text, p_client_since timestamptz, p_client_max integer,
  p_scope text, p_category text, p_since timestamptz, p_category_max integer, p_scope_max integer,
  p_district text, p_unit text, p_recipient text, p_mailed_max integer, p_digest_minutes integer)
RETURNS TABLE (client_n integer, client_oldest timestamptz, held boolean, mailed boolean, digest bigint)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  client_n := 0;
  held := false;
  mailed := false;
  IF p_client IS NOT NULL THEN
    SELECT f.n, f.oldest INTO client_n, client_oldest FROM reports_from_address(p_client, p_client_since) f;
  END IF;
  IF client_n >= p_client_max THEN
    RETURN NEXT;
    RETURN;
  END IF;
  PERFORM lock_report_scope(p_scope);
  held := (SELECT count(*) FROM (SELECT 1 FROM reports r WHERE coalesce(r.district_id, r.unit_id) = p_scope
             AND r.category_id = p_category AND r.created_at > p_since LIMIT p_category_max) c) >= p_category_max
       OR (SELECT count(*) FROM (SELECT 1 FROM reports r WHERE coalesce(r.district_id, r.unit_id) = p_scope
             AND r.created_at > p_since LIMIT p_scope_max) c) >= p_scope_max;
  IF p_recipient IS NOT NULL THEN
    mailed := NOT held AND (SELECT count(*) FROM (SELECT 1 FROM reports r WHERE r.district_id = p_district
             AND r.created_at > p_since AND r.digest_id IS NULL AND r.hold IS NULL LIMIT p_mailed_max) c) < p_mailed_max;
    IF NOT mailed THEN
      SELECT d.id INTO digest FROM report_digests d
        WHERE d.district_id = p_district AND d.queued_at IS NULL AND d.closes_at > now()
        ORDER BY d.id DESC LIMIT 1;
      IF digest IS NULL THEN
        INSERT INTO report_digests (district_id, unit_id, recipient, closes_at)
          VALUES (p_district, p_unit, p_recipient, now() + make_interval(mins => p_digest_minutes))
          RETURNING id INTO digest;
      END IF;
    END IF;
  END IF;
  RETURN NEXT;
END
$$;

INSERT INTO app_settings (key, value) VALUES (
  'report_flood_settings',
  '{"categoryPerHour": 5, "districtPerHour": 15, "mailedPerHour": 5, "digestMinutes": 60}'
);
