-- Priority action plans (plany działania priorytetowego), their versions and events.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE plans (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id        text NOT NULL,
  unit_id            text NOT NULL,
  period_from        date NOT NULL,
  period_to          date NOT NULL,
  status             text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published', 'in_progress', 'evaluated', 'closed')),
  version            integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  published_version  integer,
  content            jsonb NOT NULL,
  threat_category    text,
  previous_plan_id   uuid REFERENCES plans (id),
  evaluation         jsonb,
  -- Stems of the plan's words, for Polish full-text search (see modules/plans/search).
  search_stems       text NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  submitted_at       timestamptz,
  approved_at        timestamptz,
  published_at       timestamptz,
  evaluated_at       timestamptz,
  CHECK (period_to > period_from),
  FOREIGN KEY (district_id, unit_id) REFERENCES districts (id, unit_id),
  -- One plan per district at a time.
  EXCLUDE USING gist (district_id WITH =, daterange(period_from, period_to, '[]') WITH &&)
);
CREATE INDEX plans_unit_idx ON plans (unit_id, status);
CREATE INDEX plans_published_idx ON plans (published_at DESC) WHERE published_version IS NOT NULL;
CREATE INDEX plans_search_idx ON plans USING gin (to_tsvector('simple', search_stems));
CREATE INDEX plans_search_trgm_idx ON plans USING gin (search_stems gin_trgm_ops);

-- Every submitted (and every published) version, kept unchanged, with the review it got.
CREATE TABLE plan_versions (
  plan_id      uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  version      integer NOT NULL,
  period_from  date NOT NULL,
  period_to    date NOT NULL,
  content      jsonb NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by text NOT NULL,
  decision     text CHECK (decision IN ('approved', 'returned')),
  comments     jsonb NOT NULL DEFAULT '[]',
  decided_at   timestamptz,
  decided_by   text,
  PRIMARY KEY (plan_id, version)
);

-- Who moved the plan from one status to another, and when.
CREATE TABLE plan_events (
  id          bigserial PRIMARY KEY,
  plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_label text NOT NULL,
  transition  text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  version     integer NOT NULL,
  note        text
);
CREATE INDEX plan_events_plan_idx ON plan_events (plan_id, at);

-- Partner organisations a unit works with, offered again in the next plan.
CREATE TABLE plan_partners (
  unit_id    text NOT NULL REFERENCES units (id),
  name       text NOT NULL,
  last_tasks text NOT NULL DEFAULT '',
  used_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, name)
);

INSERT INTO app_settings (key, value) VALUES (
  'plan_settings',
  '{"maxPeriodMonths": 6, "submitDaysBeforeStart": 14, "approvalDays": 7, "publicationDays": 7, "evaluationDaysAfterEnd": 14}'
);

CREATE TRIGGER plans_audit AFTER INSERT OR UPDATE OR DELETE ON plans
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');
