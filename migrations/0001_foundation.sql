-- Foundation: units, accounts, sessions, the append-only audit log and application settings.
-- Written for PostgreSQL 15; runs unchanged on PGlite (PostgreSQL 18).

-- Key/value settings the application keeps for itself (cookie secret, demo data marker).
CREATE TABLE app_settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Police units (jednostki Policji): KGP > KWP/KSP > KMP/KPP/KRP > KP/PP.
CREATE TABLE units (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 60),
  parent_id  text REFERENCES units (id),
  kind       text NOT NULL CHECK (kind IN ('KGP', 'KWP', 'KSP', 'KMP', 'KPP', 'KRP', 'KP', 'PP')),
  name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 3 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent_idx ON units (parent_id);

-- Staff accounts (konta). Residents never have accounts.
CREATE TABLE accounts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login         text NOT NULL CHECK (login ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'),
  display_name  text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 120),
  email         text,
  role          text NOT NULL CHECK (role IN ('admin', 'commander', 'supervisor', 'officer')),
  unit_id       text NOT NULL REFERENCES units (id),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_login_key ON accounts (lower(login));
CREATE INDEX accounts_unit_idx ON accounts (unit_id);

-- Browser sessions. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- The audit log (dziennik zmian): append-only, written by triggers for every row change and by the
-- application for events that change no row (logins, failed logins, logouts).
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id    uuid,
  actor_label text NOT NULL,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  unit_id     text,
  before      jsonb,
  after       jsonb,
  ip          text,
  request_id  text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, entity_id, at DESC);
CREATE INDEX audit_log_unit_idx ON audit_log (unit_id, at DESC);

CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();

-- Generic row-change trigger. TG_ARGV[0] names the column that scopes the row to a unit;
-- further arguments name secret columns, which are logged only as "changed" or not.
-- The actor comes from transaction-local settings made by the application (app.actor_*).
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  after_row  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  row_data   jsonb;
  secret     text;
BEGIN
  IF TG_OP = 'UPDATE' AND before_row = after_row THEN
    RETURN NULL;
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

CREATE TRIGGER units_audit AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id');
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id', 'password_hash');
