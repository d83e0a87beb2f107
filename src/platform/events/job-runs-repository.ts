import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Claims the current period of `job` (the time since 1970 divided by `periodMs`, by the database's
 * clock) for `owner`, in one statement: when the last claim was of an earlier period and has
 * finished or outlived its lease, or was of this period and outlived its lease unfinished (its
 * instance died). Returns the period claimed, or null when another instance has it.
 */
export async function claimPeriod(db: Db, job: string, owner: string, periodMs: number, leaseMs: number): Promise<number | null> {
  const { rows } = await sql<{ period: number }>`
    insert into job_runs as j (job, period, owner, started_at, lease_until)
    values (${job}, floor(extract(epoch from now()) * 1000 / ${periodMs})::bigint, ${owner}, now(),
            now() + make_interval(secs => ${leaseMs} / 1000.0))
    on conflict (job) do update set
      period = excluded.period, owner = excluded.owner, started_at = excluded.started_at,
      lease_until = excluded.lease_until, finished_at = null
     where (j.period < excluded.period and (j.finished_at is not null or j.lease_until < now()))
        or (j.period = excluded.period and j.finished_at is null and j.lease_until < now())
    returning period`.execute(db);
  return rows[0]?.period ?? null;
}

/** Marks the owner's run of `period` finished (a later claim of the same period is then refused). */
export async function finishPeriod(db: Db, job: string, owner: string, period: number): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: sql<Date>`now()` })
    .where('job', '=', job)
    .where('owner', '=', owner)
    .where('period', '=', period)
    .execute();
}
