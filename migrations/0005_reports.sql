-- Threat reports (zgłoszenia KMZB): residents report, the district's officer verifies.

-- The closed catalogue of categories, kept as data: admins add, rename and retire; never delete,
-- so old reports keep their category. `id` is the stable code (also Open311's service_code).
CREATE TABLE report_categories (
  id                   text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_pl              text NOT NULL CHECK (length(name_pl) BETWEEN 3 AND 120),
  name_en              text NOT NULL CHECK (length(name_en) BETWEEN 3 AND 120),
  active               boolean NOT NULL DEFAULT true,
  description_required boolean NOT NULL DEFAULT false,
  road                 boolean NOT NULL DEFAULT false,
  season_from          smallint CHECK (season_from BETWEEN 1 AND 12),
  season_to            smallint CHECK (season_to BETWEEN 1 AND 12),
  position             integer NOT NULL DEFAULT 0,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((season_from IS NULL) = (season_to IS NULL))
);

CREATE TABLE reports (
  -- The public number of the report (also Open311's service_request_id).
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category_id       text NOT NULL REFERENCES report_categories (id),
  unit_id           text NOT NULL REFERENCES units (id),
  district_id       text REFERENCES districts (id),
  status            text NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'verifying', 'confirmed', 'forwarded', 'not_confirmed', 'eliminated', 'joke', 'duplicate')),
  -- Exact point: police only. The public map shows public_position, snapped to a 50 m grid.
  position          point,
  public_position   point,
  -- The address as typed (police only), when the place was given by address.
  address           text CHECK (length(address) <= 200),
  -- Police only, never published.
  description       text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  -- To tell the reporter of status changes; erased when the report closes.
  email             text CHECK (length(email) <= 254),
  -- Abuse control only (per-IP limits), never shown.
  reporter_ip       text,
  event_at          timestamptz,
  forwarded_to      text CHECK (length(forwarded_to) <= 200),
  duplicate_of      bigint REFERENCES reports (id),
  -- "Me too" confirmations by other residents.
  confirmations     integer NOT NULL DEFAULT 0 CHECK (confirmations >= 0),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  verifying_since   timestamptz,
  closed_at         timestamptz,
  CHECK (position IS NOT NULL OR address IS NOT NULL),
  CHECK ((position IS NULL) = (public_position IS NULL)),
  CHECK ((status = 'forwarded') = (forwarded_to IS NOT NULL)),
  CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL)),
  CHECK (duplicate_of IS NULL OR duplicate_of <> id)
);
CREATE INDEX reports_unit_idx ON reports (unit_id, status, created_at DESC);
CREATE INDEX reports_district_idx ON reports (district_id, status, created_at DESC);
CREATE INDEX reports_created_idx ON reports (created_at DESC);
CREATE INDEX reports_public_position_idx ON reports USING gist (public_position);
CREATE INDEX reports_position_idx ON reports USING gist (position);
CREATE INDEX reports_ip_idx ON reports (reporter_ip, created_at) WHERE reporter_ip IS NOT NULL;

-- Every status change with who, when and the internal note (never public).
CREATE TABLE report_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id   bigint NOT NULL REFERENCES reports (id),
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    uuid REFERENCES accounts (id),
  actor_label text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('created', 'status', 'assigned', 'confirmed_by_resident')),
  from_status text,
  to_status   text,
  district_id text,
  note        text CHECK (length(note) <= 2000)
);
CREATE INDEX report_events_report_idx ON report_events (report_id, at);

-- "Me too" from residents, one per report and address, for abuse control.
CREATE TABLE report_confirmations (
  report_id   bigint NOT NULL REFERENCES reports (id),
  reporter_ip text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, reporter_ip)
);

-- E-mail waiting to be sent: the embedded default keeps it here; with SMTP_URL a sender delivers it.
CREATE TABLE outbox (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient   text NOT NULL CHECK (length(recipient) <= 254),
  subject     text NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz,
  attempts    integer NOT NULL DEFAULT 0,
  last_error  text
);
CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE sent_at IS NULL;

INSERT INTO app_settings (key, value) VALUES (
  'report_settings',
  '{"takeUpDays": 3, "verifyDays": 5}'
);

CREATE TRIGGER report_categories_audit AFTER INSERT OR UPDATE OR DELETE ON report_categories
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id');
CREATE TRIGGER reports_audit AFTER INSERT OR UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id', 'email', 'reporter_ip');
