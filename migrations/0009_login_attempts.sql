-- Sign-in throttling (ograniczanie prób logowania), counted atomically in the database so that
-- parallel attempts and several app instances share one count. The audit log keeps the history
-- (every failed and throttled sign-in); these rows only hold the current state and are pruned.
-- Not audited: each change here is an `auth.*` event recorded explicitly.

-- Failures since the last success, per login and source (the client's limit key: an IPv4
-- address or an IPv6 /64). An attempt is admitted by one INSERT … ON CONFLICT DO UPDATE … WHERE
-- that counts it before the password is checked: only admitted attempts reach the check.
CREATE TABLE login_attempts (
  login_key       text NOT NULL,
  source          text NOT NULL,
  failures        integer NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL,
  PRIMARY KEY (login_key, source)
);
CREATE INDEX login_attempts_last_idx ON login_attempts (last_failure_at);

-- Failures of one login from all sources in the current burst: only to tell the account holder
-- once per burst (never to refuse anyone; see login-throttle.ts).
CREATE TABLE login_failure_bursts (
  login_key       text PRIMARY KEY,
  failures        integer NOT NULL CHECK (failures >= 0),
  started_at      timestamptz NOT NULL,
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX login_failure_bursts_last_idx ON login_failure_bursts (last_failure_at);
