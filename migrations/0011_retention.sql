-- Personal data kept no longer than needed (issue 11). The retention job (src/modules/privacy)
-- erases each piece of a resident's data after the time set in app_settings 'retention_settings';
-- this migration gives it what it needs in the database:
--   1. a marker of what was erased on each report (staff pages say "erased after N days");
--   2. checks that allow a closed report without its exact point or typed address;
--   3. indexes that find what is due without reading the whole table;
--   4. the audit trigger no longer copies a report's description, address or exact point into
--      audit_log (logged as "changed", like secrets), and skips the job's own erasing updates (the
--      job records one event per run with counts);
--   5. the one exception to the append-only audit log: inside a retention transaction an UPDATE may
--      replace personal values of old entries with "erased" and clear their IP address, nothing else.

-- 1. What the retention job erased, and after how many days: {"description": 180, "reporter_ip": 30}.
ALTER TABLE reports ADD COLUMN erased jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(erased) = 'object');

-- 2. The place of a report (exact point or typed address) and the exact point beside the public one
-- are required until the retention job erases them; the public 50 m point stays for ever.
ALTER TABLE reports DROP CONSTRAINT reports_check, DROP CONSTRAINT reports_check1;
ALTER TABLE reports
  ADD CONSTRAINT reports_place_given CHECK (position IS NOT NULL OR address IS NOT NULL OR erased ?| ARRAY['position', 'address']),
  ADD CONSTRAINT reports_public_point CHECK ((position IS NULL) = (public_position IS NULL) OR erased ? 'position');

-- 3. What is due. Partial indexes hold only what is still to be erased, so they stay small however
-- many old reports the database keeps (the job's queries repeat these predicates word for word). A
-- report without a description, address or exact point has nothing to erase and is never marked;
-- notes live in report_events, so the marker says whether a report's notes were dealt with.
CREATE INDEX reports_due_description_idx ON reports (closed_at) WHERE closed_at IS NOT NULL AND description <> '';
CREATE INDEX reports_due_address_idx ON reports (closed_at) WHERE closed_at IS NOT NULL AND address IS NOT NULL;
CREATE INDEX reports_due_position_idx ON reports (closed_at) WHERE closed_at IS NOT NULL AND position IS NOT NULL;
CREATE INDEX reports_due_notes_idx ON reports (closed_at) WHERE closed_at IS NOT NULL AND NOT (erased ? 'notes');
CREATE INDEX reports_due_ip_idx ON reports (created_at) WHERE reporter_ip IS NOT NULL;
CREATE INDEX report_confirmations_created_idx ON report_confirmations (created_at);
CREATE INDEX audit_log_resident_ip_idx ON audit_log (at) WHERE ip IS NOT NULL AND actor_id IS NULL;
CREATE INDEX audit_log_staff_ip_idx ON audit_log (at) WHERE ip IS NOT NULL AND actor_id IS NOT NULL;
CREATE INDEX outbox_created_idx ON outbox (created_at);

-- 4. The generic row-change trigger of 0001, plus: in a retention transaction (app.retention =
-- 'erase'), an update of a table with an `erased` marker that changes only secret columns and the
-- marker is not logged row by row. Secret columns are logged only as "changed" anyway, so nothing
-- else can hide behind the setting; tables without the marker (accounts' password_hash) are logged
-- as before.
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  after_row  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  kept_before jsonb;
  kept_after  jsonb;
  row_data   jsonb;
  secret     text;
BEGIN
  IF TG_OP = 'UPDATE' AND before_row = after_row THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('app.retention', true) = 'erase' AND before_row ? 'erased'
     AND before_row -> 'erased' IS DISTINCT FROM after_row -> 'erased' THEN
    kept_before := before_row - 'erased';
    kept_after := after_row - 'erased';
    FOR i IN 1 .. TG_NARGS - 1 LOOP
      kept_before := kept_before - TG_ARGV[i];
      kept_after := kept_after - TG_ARGV[i];
    END LOOP;
    IF kept_before = kept_after THEN
      RETURN NULL;
    END IF;
  END IF;
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    secret := TG_ARGV[i];
    IF after_row IS NOT NULL AND after_row ? secret THEN
      after_row := jsonb_set(after_row, ARRAY[secret], to_jsonb(CASE
        WHEN before_row IS NULL OR before_row -> secret IS DISTINCT FROM after_row -> secret
        THEN 'changed' ELSE 'unchanged' END));
    END IF;
    IF before_row IS NOT NULL AND before_row ? secret THEN
      before_row := jsonb_set(before_row, ARRAY[secret], to_jsonb('hidden'::text));
    END IF;
  END LOOP;
  row_data := coalesce(after_row, before_row);
  INSERT INTO audit_log (actor_id, actor_label, action, entity_type, entity_id, unit_id,
                         before, after, ip, request_id)
  VALUES (
    nullif(current_setting('app.actor_id', true), '')::uuid,
    coalesce(nullif(current_setting('app.actor_label', true), ''), 'system'),
    lower(TG_OP),
    TG_TABLE_NAME,
    row_data ->> 'id',
    row_data ->> TG_ARGV[0],
    before_row,
    after_row,
    nullif(current_setting('app.ip', true), ''),
    nullif(current_setting('app.request_id', true), '')
  );
  RETURN NULL;
END
$$;

-- A report's personal columns reach audit_log only as "changed": the description, the typed address
-- and the exact point join the e-mail and the IP address. The public point, status and the rest
-- stay in full, so the log still tells who did what to which report.
DROP TRIGGER reports_audit ON reports;
CREATE TRIGGER reports_audit AFTER INSERT OR UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id', 'email', 'reporter_ip', 'description', 'address', 'position');

-- 5. Entries written before this migration may hold a report's description, address or exact point,
-- and every entry holds the IP address of whoever made the change. The retention job replaces such
-- values with "erased" and clears the IP when they fall due. The log stays append-only against
-- every other write: DELETE and TRUNCATE are always refused, and an UPDATE only when it runs in a
-- retention transaction and changes nothing but personal values into "erased" and the IP into NULL.

-- `vals` with the values of `keys` replaced by "erased" (markers such as "changed" and nulls stay).
CREATE FUNCTION audit_erase_values(vals jsonb, keys text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN vals IS NULL OR jsonb_typeof(vals) <> 'object' THEN vals ELSE (
    SELECT coalesce(jsonb_object_agg(e.key, CASE
        WHEN e.key = ANY (keys) AND e.value NOT IN ('null', '""', '"changed"', '"unchanged"', '"hidden"', '"erased"') THEN '"erased"'::jsonb
        ELSE e.value END), '{}'::jsonb)
    FROM jsonb_each(vals) e)
  END
$$;

-- True when `new_vals` is `old_vals` with some values replaced by "erased" and nothing else changed.
-- (`old_vals` with every value that `new_vals` marks "erased" replaced must be `new_vals` exactly:
-- the same keys, and every other value unchanged.)
CREATE FUNCTION audit_values_only_erased(old_vals jsonb, new_vals jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN old_vals IS NULL OR new_vals IS NULL OR jsonb_typeof(old_vals) <> 'object' OR jsonb_typeof(new_vals) <> 'object'
      THEN old_vals IS NOT DISTINCT FROM new_vals
    ELSE new_vals = coalesce((SELECT jsonb_object_agg(o.key, CASE WHEN new_vals -> o.key = '"erased"'::jsonb THEN '"erased"'::jsonb ELSE o.value END)
                              FROM jsonb_each(old_vals) o), '{}'::jsonb)
  END
$$;

CREATE FUNCTION audit_log_allow_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.retention', true) = 'erase'
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.unit_id, NEW.request_id)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.entity_type, OLD.entity_id, OLD.unit_id, OLD.request_id)
     AND (NEW.ip IS NULL OR NEW.ip = OLD.ip)
     AND audit_values_only_erased(OLD.before, NEW.before)
     AND audit_values_only_erased(OLD.after, NEW.after) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER audit_log_erasure_only BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_allow_erasure();
