import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';

/** The counters of sign-in throttling (migration 0009); what they mean is in login-attempts.ts. */

/**
 * Counts one attempt of `source` at `loginKey` as a failure, unless the last one was less than
 * its delay ago; returns the new count, or undefined when refused. A count older than
 * `forgetAfterHours` starts again at 1. `delays` are the seconds to wait after n failures.
 */
export async function countAttemptUnlessTooSoon(
  db: Db,
  loginKey: string,
  source: string,
  delays: number[],
  forgetAfterHours: number,
): Promise<number | undefined> {
  const forgotten = sql`a.last_failure_at <= now() - make_interval(hours => ${forgetAfterHours})`;
  const admitted = await sql<{ failures: number }>`
    insert into login_attempts as a (login_key, source, failures, last_failure_at)
    values (${loginKey}, ${source}, 1, now())
    on conflict (login_key, source) do update
      set failures = case when ${forgotten} then 1 else a.failures + 1 end,
          last_failure_at = now()
      where ${forgotten}
         or a.last_failure_at + make_interval(secs => (${delays}::integer[])[least(a.failures, ${delays.length - 1}) + 1]) <= now()
    returning failures`.execute(db);
  return admitted.rows[0]?.failures;
}

/** The count of `source` at `loginKey`, with the database's clock beside it. */
export async function findAttempts(db: Db, loginKey: string, source: string) {
  const row = await sql<{ failures: number; last_failure_at: Date; now: Date }>`
    select failures, last_failure_at, now() as now from login_attempts where login_key = ${loginKey} and source = ${source}`.execute(db);
  return row.rows[0];
}

export async function deleteAttempts(trx: Trx, loginKey: string, source: string): Promise<void> {
  await trx.deleteFrom('login_attempts').where('login_key', '=', loginKey).where('source', '=', source).execute();
}

/**
 * Counts one failure of `loginKey` in its burst, a new burst when the last one has ended
 * (`burstQuietMinutes` quiet or `burstMaxHours` long); returns the count and the burst's start.
 */
export async function countBurstFailureRow(
  trx: Trx,
  loginKey: string,
  burst: { burstQuietMinutes: number; burstMaxHours: number },
): Promise<{ failures: number; startedAt: Date }> {
  const ended = sql`(b.last_failure_at <= now() - make_interval(mins => ${burst.burstQuietMinutes})
    or b.started_at <= now() - make_interval(hours => ${burst.burstMaxHours}))`;
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
