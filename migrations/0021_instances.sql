-- Several app instances on one database (issue 16): what each process kept to itself is shared here.
-- Not audited: these rows are the machinery's state, not anyone's change (an audit row per request
-- or per run would bury the log).

-- Request limits (the rate-limit plugin's store, platform/http/rate-limit-store.ts): one row per
-- limit key (the route and the client's address: an IPv4 address or an IPv6 /64) holding the count
-- of its current window, which starts at the key's first request (as the plugin's own store does);
-- counted by one INSERT … ON CONFLICT DO UPDATE … RETURNING. Rows whose window has ended are pruned
-- within minutes (they name an address). UNLOGGED: a count is worth no disk flush per request (half
-- the cost measured); after a server crash the counts start again from nothing.
CREATE UNLOGGED TABLE rate_limit_hits (
  key          text PRIMARY KEY CHECK (length(key) <= 300),
  window_start timestamptz NOT NULL,
  window_end   timestamptz NOT NULL,
  count        integer NOT NULL CHECK (count > 0)
);
CREATE INDEX rate_limit_hits_end_idx ON rate_limit_hits (window_end);

-- Scheduled jobs (retention, deadline reminders): one row per job naming the last period claimed
-- (period = the time since 1970 divided by the job's interval), so a period's run happens on one
-- instance only. A run that dies leaves its lease to expire; then the period may be claimed again.
CREATE TABLE job_runs (
  job         text PRIMARY KEY CHECK (length(job) <= 100),
  period      bigint NOT NULL,
  owner       text NOT NULL CHECK (length(owner) <= 200),
  started_at  timestamptz NOT NULL,
  lease_until timestamptz NOT NULL,
  finished_at timestamptz
);

-- The outbox is sent by whichever instance claims a message first: a claim is a lease (claimed_by,
-- claimed_until) taken with FOR UPDATE SKIP LOCKED; a sender that dies mid-send leaves the lease to
-- expire and another instance sends the message.
ALTER TABLE outbox ADD COLUMN claimed_by text CHECK (length(claimed_by) <= 200);
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
