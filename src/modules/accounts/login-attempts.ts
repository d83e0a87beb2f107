import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { delayTable, type ThrottlePolicy } from './login-throttle.js';

/** The counters of sign-in throttling (migration 0009); the rules are in login-throttle.ts. */

export type Admission =
  | { admitted: true; failures: number }
  | { admitted: false; failures: number; lastFailureAt: Date; now: Date };

/**
 * Admits one attempt of `source` at `loginKey`, or not, in one statement. An admitted attempt is
 * counted as a failure at once, before its password is checked (a success clears it later):
 * the row lock of ON CONFLICT DO UPDATE puts parallel attempts in a line, each sees the count
 * the one before it left, and only as many as the delays allow get through. When the WHERE of
 * DO UPDATE refuses, the statement returns no row and changes nothing.
 */
export async function admitAttempt(db: Db, loginKey: string, source: string, policy: ThrottlePolicy): Promise<Admission> {
  const delays = delayTable(policy);
  const forgotten = sql`a.last_failure_at <= now() - make_interval(hours => ${policy.forgetAfterHours})`;
  const admitted = await sql<{ failures: number }>`
    insert into login_attempts as a (login_key, source, failures, last_failure_at)
    values (${loginKey}, ${source}, 1, now())
    on conflict (login_key, source) do update
      set failures = case when ${forgotten} then 1 else a.failures + 1 end,
          last_failure_at = now()
      where ${forgotten}
         or a.last_failure_at + make_interval(secs => (${delays}::integer[])[least(a.failures, ${delays.length - 1}) + 1]) <= now()
    returning failures`.execute(db);
  if (admitted.rows[0]) return { admitted: true, failures: admitted.rows[0].failures };
  // Refused: read the state only to say how long to wait (the count itself was not touched).
  const row = await sql<{ failures: number; last_failure_at: Date; now: Date }>`
    select failures, last_failure_at, now() as now from login_attempts where login_key = ${loginKey} and source = ${source}`.execute(db);
  const state = row.rows[0];
  // A success may have cleared the row in between: then only a moment's wait is honest.
  return state
    ? { admitted: false, failures: state.failures, lastFailureAt: state.last_failure_at, now: state.now }
    : { admitted: false, failures: 0, lastFailureAt: new Date(), now: new Date() };
}

/** A success from `source` clears its failures. Forgotten rows of others go with the retention job (privacy/rules.ts). */
export async function clearAttempts(trx: Trx, loginKey: string, source: string): Promise<void> {
  await trx.deleteFrom('login_attempts').where('login_key', '=', loginKey).where('source', '=', source).execute();
}

/**
 * Counts one failure of `loginKey` from any source in its current burst and returns the count
 * so far. A burst ends after `burstQuietMinutes` without failures or `burstMaxHours` after it
 * began; the row lock makes each count come out exactly once, so "the n-th failure" happens once.
 */
export async function countBurstFailure(trx: Trx, loginKey: string, policy: ThrottlePolicy): Promise<{ failures: number; startedAt: Date }> {
  const ended = sql`(b.last_failure_at <= now() - make_interval(mins => ${policy.burstQuietMinutes})
    or b.started_at <= now() - make_interval(hours => ${policy.burstMaxHours}))`;
  const result = await sql<{ failures: number; started_at: Date }>`
    insert into login_failure_bursts as b (login_key, failures, started_at, last_failure_at)
    values (${loginKey}, 1, now(), now())
    on conflict (login_key) do update
      set failures = case when ${ended} then 1 else b.failures + 1 end,
          started_at = case when ${ended} then now() else b.started_at end,
          last_failure_at = now()
    returning failures, started_at`.execute(trx);
  const row = result.rows[0]!;
  return { failures: row.failures, startedAt: row.started_at };
}
