-- Residents follow a district (obserwowanie rejonu; issue 15): an e-mail subscription confirmed by a
-- link, without an account. Only hashes (SHA-256) of the links' tokens are kept: a copy of the
-- database cannot confirm or cancel anyone's subscription. A subscription not confirmed within the
-- link's validity is deleted by the retention job; an unsubscribed one is deleted at once.
CREATE TABLE subscriptions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id       text NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
  unit_id           text NOT NULL REFERENCES units (id),
  email             text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  lang              text NOT NULL DEFAULT 'pl' CHECK (lang IN ('pl', 'en')),
  confirm_hash      text,
  -- When the last confirmation link was sent: the link expires from then, and is not resent sooner
  -- than a few minutes after (nobody mails a stranger in a loop through the form).
  confirm_sent_at   timestamptz NOT NULL DEFAULT now(),
  confirmed_at      timestamptz,
  unsubscribe_hash  text NOT NULL UNIQUE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (district_id, email)
);
CREATE UNIQUE INDEX subscriptions_confirm_idx ON subscriptions (confirm_hash) WHERE confirm_hash IS NOT NULL;
CREATE INDEX subscriptions_district_idx ON subscriptions (district_id) WHERE confirmed_at IS NOT NULL;
CREATE INDEX subscriptions_pending_idx ON subscriptions (confirm_sent_at) WHERE confirmed_at IS NULL;

-- The audit log records that a subscription was made, confirmed or ended, never the address or the
-- tokens' hashes (logged only as changed/unchanged/hidden, like a reporter's e-mail).
CREATE TRIGGER subscriptions_audit AFTER INSERT OR UPDATE OR DELETE ON subscriptions
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id', 'email', 'confirm_hash', 'unsubscribe_hash');

-- One row per news item already told to the subscribers ("plan-publish:<plan event id>",
-- "meeting:<id>:<sequence>"): written in the transaction that queues the mails, so an event mails a
-- subscriber once, whichever instance of the app notices it first. No personal data.
CREATE TABLE subscription_notices (
  event_key    text PRIMARY KEY,
  district_ids text[] NOT NULL,
  recipients   integer NOT NULL,
  noticed_at   timestamptz NOT NULL DEFAULT now()
);

-- Mail headers beyond From/To/Subject: List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
ALTER TABLE outbox ADD COLUMN headers jsonb;
