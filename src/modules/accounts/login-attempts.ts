import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { delayTable, type ThrottlePolicy } from './login-throttle.js';
import { countAttemptUnlessTooSoon, countBurstFailureRow, deleteAttempts, findAttempts } from './login-attempts-repository.js';

/** The counters of sign-in throttling (migration 0009); the rules are in login-throttle.ts. */

export type Admission = { admitted: true; failures: number } | { admitted: false; failures: number; lastFailureAt: Date; now: Date };

/**
 * Admits one attempt of `source` at `loginKey`, or not, in one statement. An admitted attempt is
 * counted as a failure at once, before its password is checked (a success clears it later):
 * the row lock of ON CONFLICT DO UPDATE puts parallel attempts in a line, each sees the count
 * the one before it left, and only as many as the delays allow get through. When the WHERE of
 * DO UPDATE refuses, the statement returns no row and changes nothing.
 */
export async function admitAttempt(db: Db, loginKey: string, source: string, policy: ThrottlePolicy): Promise<Admission> {
  const failures = await countAttemptUnlessTooSoon(db, loginKey, source, delayTable(policy), policy.forgetAfterHours);
  if (failures !== undefined) return { admitted: true, failures };
  // Refused: read the state only to say how long to wait (the count itself was not touched).
  const state = await findAttempts(db, loginKey, source);
  // A success may have cleared the row in between: then only a moment's wait is honest.
  return state
    ? { admitted: false, failures: state.failures, lastFailureAt: state.last_failure_at, now: state.now }
    : { admitted: false, failures: 0, lastFailureAt: new Date(), now: new Date() };
}

/** A success from `source` clears its failures. Forgotten rows of others go with the retention job (privacy/rules.ts). */
export async function clearAttempts(trx: Trx, loginKey: string, source: string): Promise<void> {
  await deleteAttempts(trx, loginKey, source);
}

/**
 * Counts one failure of `loginKey` from any source in its current burst and returns the count
 * so far. A burst ends after `burstQuietMinutes` without failures or `burstMaxHours` after it
 * began; the row lock makes each count come out exactly once, so "the n-th failure" happens once.
 */
export async function countBurstFailure(
  trx: Trx,
  loginKey: string,
  policy: ThrottlePolicy,
): Promise<{ failures: number; startedAt: Date }> {
  return countBurstFailureRow(trx, loginKey, policy);
}
